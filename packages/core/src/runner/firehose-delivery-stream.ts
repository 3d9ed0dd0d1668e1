import { FirehoseRecordMismatchError } from '../lambda/errors.js';
import type { FirehoseEventRecord } from '../lambda/firehose-event.js';
import type { FirehoseTransformHandler } from '../lambda/firehose-handler.js';
import {
  checkEveryRecordAnsweredOnce,
  type FirehoseRequestIds,
  type FirehoseResponseRecord,
} from '../lambda/firehose-response.js';
import type { RunReport } from '../outcome/report.js';
import { RunTally } from '../outcome/report.js';
import type { ObjectStore } from '../storage/object-store.js';
import { DeliveryFailedError } from './errors.js';
import { type BufferingHints, FirehoseBuffer } from './firehose-buffer.js';
import { type DeliveryFailure, errorOutputRecord, errorOutputType } from './firehose-error-output.js';
import { compilePrefix, objectName, type PrefixValues } from './firehose-prefix.js';

/** A local Firehose delivery stream with a Lambda processor, dynamic partitioning and an S3 destination. */
export interface LocalDeliveryStreamOptions {
  name: string;
  store: ObjectStore;
  /** The data-transformation Lambda handler, invoked with Firehose-shaped requests. */
  transform: FirehoseTransformHandler;
  /** Firehose's S3 prefix, the same string the deployed stream has: `events/!{partitionKeyFromLambda:datehour}/`. */
  prefix: string;
  /** Firehose's error output prefix: `events-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/`. */
  errorPrefix: string;
  /** File extension of delivered objects (Firehose's `FileExtension`), e.g. `.json`. */
  extension?: string;
  buffering?: BufferingHints;
  region?: string;
}

/** A transform answer, or the failure that stands for it when the invocation itself failed. */
type Answer = FirehoseResponseRecord | { recordId: string; failure: DeliveryFailure };

/**
 * What Firehose does between PutRecord and S3, on one machine: buffers records, invokes the transform
 * with each batch, writes `Ok` records grouped by their evaluated prefix (dynamic partitioning) as one
 * object per partition, and writes `ProcessingFailed` records, the records of a failed invocation and
 * records missing a partition key, with their original data, under the error prefix. A record the
 * transform left unanswered fails alone (`no-answer`); an answer naming an unknown recordId, or a
 * recordId answered twice, fails the whole batch (`record-mismatch`). Its report
 * counts records delivered (kept), `Dropped` by the transform, and sent to the error prefix (rejected).
 *
 * @example
 * const stream = new LocalDeliveryStream({ name: 'events', store, transform: handler, prefix: 'events/!{partitionKeyFromLambda:datehour}/', errorPrefix: 'events-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/' });
 * await stream.put([JSON.stringify(event)]);
 * await stream.close();
 */
export class LocalDeliveryStream {
  readonly #buffer: FirehoseBuffer;
  readonly #tally = new RunTally();
  readonly #keys = new Set<string>();
  readonly #now: () => number;
  readonly #prefixOf: (values: PrefixValues) => string | undefined;
  readonly #errorPrefixOf: (values: PrefixValues) => string | undefined;
  #invocations = 0;

  constructor(readonly options: LocalDeliveryStreamOptions) {
    this.#now = options.buffering?.now ?? Date.now;
    this.#prefixOf = compilePrefix(options.prefix);
    this.#errorPrefixOf = compilePrefix(options.errorPrefix);
    this.#buffer = new FirehoseBuffer(options.name, (records) => this.#deliver(records), options.buffering);
  }

  /** PutRecord/PutRecordBatch: buffers records and returns their recordIds. */
  put(records: readonly (string | Uint8Array)[]): Promise<string[]> {
    return this.#buffer.put(records);
  }

  /** Delivers what is buffered and waits for it. */
  flush(): Promise<void> {
    return this.#buffer.flush();
  }

  /** Refuses further records and delivers the rest. */
  close(): Promise<void> {
    return this.#buffer.close();
  }

  /** The delivery account so far; `read` counts every record of every delivered batch. */
  report(): RunReport {
    return this.#tally.report();
  }

  /** Transform invocations so far, one per batch the buffer cut. */
  get invocations(): number {
    return this.#invocations;
  }

  /** Keys of the objects written so far, sorted. */
  objectKeys(): string[] {
    return [...this.#keys].sort();
  }

  async #deliver(records: FirehoseEventRecord[]): Promise<void> {
    const invocationId = `${this.options.name}-${++this.#invocations}`;
    const answers = await this.#invoke(invocationId, records);
    const recordOf = recordsById(records);
    const objects = new ObjectsByPrefix();
    for (let i = 0; i < answers.length; i++) {
      const answer = answers[i] as Answer;
      this.#route(objects, answer, recordOf(answer.recordId, i));
    }
    // A batch's objects are independent (one per partition): written side by side, as Firehose does.
    const writes = await Promise.allSettled(
      [...objects.entries()].map(([prefix, object]) => this.#write(prefix, object)),
    );
    const failed = writes.find((write) => write.status === 'rejected');
    if (failed) throw new DeliveryFailedError(this.options.name, invocationId, { cause: failed.reason });
  }

  /** A failed invocation sends the whole batch to the error prefix, as Firehose does after its retries. */
  async #invoke(invocationId: string, records: FirehoseEventRecord[]): Promise<Answer[]> {
    const event = { invocationId, deliveryStreamArn: this.#arn(), region: this.#region(), records };
    try {
      return answerEveryRecord(event, (await this.options.transform(event)).records);
    } catch (error) {
      const kind = error instanceof FirehoseRecordMismatchError ? 'record-mismatch' : 'function-error';
      const failure: DeliveryFailure = { kind, message: (error as Error).message };
      return records.map((record) => ({ recordId: record.recordId, failure }));
    }
  }

  #route(objects: ObjectsByPrefix, answer: Answer, record: FirehoseEventRecord): void {
    if (!('failure' in answer) && answer.result === 'Dropped') {
      this.#tally.drop('dropped-by-transform');
      return;
    }
    const destination = this.#destinationOf(answer, record);
    if ('failure' in destination) {
      this.#fail(objects, record, destination.failure);
      return;
    }
    this.#tally.keep();
    objects.add(destination.prefix, record.recordId, destination.data, this.options.extension ?? '');
  }

  #destinationOf(
    answer: Answer,
    record: FirehoseEventRecord,
  ): { prefix: string; data: string } | { failure: DeliveryFailure } {
    if ('failure' in answer) return answer;
    if (answer.result !== 'Ok') return { failure: { kind: 'processing-failed' } };
    const partitionKeys = answer.metadata?.partitionKeys ?? {};
    const arrival = record.approximateArrivalTimestamp;
    const prefix = this.#prefixOf({ partitionKeys, arrival });
    if (prefix === undefined) return { failure: { kind: 'partitioning-failed' } };
    // Still base64: an object's records are decoded together, into its one body.
    return { prefix, data: answer.data };
  }

  #fail(objects: ObjectsByPrefix, record: FirehoseEventRecord, failure: DeliveryFailure): void {
    this.#tally.reject(failure.kind);
    const type = errorOutputType(failure);
    const values = { arrival: record.approximateArrivalTimestamp, errorOutputType: type };
    // An error prefix has no partition keys to miss, so it always evaluates.
    const prefix = this.#errorPrefixOf(values) as string;
    const line = JSON.stringify(errorOutputRecord(record, failure, `${this.#arn()}:transform`, this.#now()));
    objects.add(prefix, record.recordId, Buffer.from(`${line}\n`), '');
  }

  async #write(prefix: string, object: PendingObject): Promise<void> {
    const body = bodyOf(object);
    const key = `${prefix}${objectName(this.options.name, object.firstRecordId, body, object.extension)}`;
    await this.options.store.put(key, body, { contentType: 'application/x-ndjson' });
    this.#keys.add(key);
  }

  #region(): string {
    return this.options.region ?? 'local';
  }

  #arn(): string {
    return `arn:aws:firehose:${this.#region()}:000000000000:deliverystream/${this.options.name}`;
  }
}

/**
 * The transform's answers plus a `no-answer` failure for each record it left out, so every record
 * ends somewhere. Throws `FirehoseRecordMismatchError` for an unknown or repeated recordId: Firehose
 * treats a mismatched id as a failure of the whole transformation.
 */
function answerEveryRecord(request: FirehoseRequestIds, answers: FirehoseResponseRecord[]): Answer[] {
  try {
    checkEveryRecordAnsweredOnce(request, answers);
    return answers;
  } catch (error) {
    if (!(error instanceof FirehoseRecordMismatchError)) throw error;
    if (error.unknown.length > 0 || error.duplicated.length > 0) throw error;
    const failure: DeliveryFailure = { kind: 'no-answer' };
    return [...answers, ...error.missing.map((recordId) => ({ recordId, failure }))];
  }
}

/**
 * The request's record an answer names. Transforms mostly answer in the request's order, so a Map
 * of the batch is built only once an answer is out of place.
 */
function recordsById(records: readonly FirehoseEventRecord[]) {
  let byId: Map<string, FirehoseEventRecord> | undefined;
  return (recordId: string, index: number): FirehoseEventRecord => {
    const inPlace = records[index];
    if (inPlace?.recordId === recordId) return inPlace;
    byId ??= new Map(records.map((record) => [record.recordId, record]));
    return byId.get(recordId) as FirehoseEventRecord;
  };
}

interface PendingObject {
  firstRecordId: string;
  extension: string;
  /** Each record's bytes: a transformed record still as its base64 text, an error line as bytes. */
  chunks: (string | Buffer)[];
  /** The body's length at most: 3 bytes per 4 base64 characters, whatever they turn out to be. */
  bytes: number;
}

/** The records of an object decoded straight into its one body, with no buffer per record. */
function bodyOf(object: PendingObject): Buffer {
  const body = Buffer.allocUnsafe(object.bytes);
  let length = 0;
  for (const chunk of object.chunks) {
    length += typeof chunk === 'string' ? body.write(chunk, length, 'base64') : chunk.copy(body, length);
  }
  return body.subarray(0, length);
}

/** Record bodies grouped by the prefix they are delivered under, in arrival order. */
class ObjectsByPrefix {
  readonly #byPrefix = new Map<string, PendingObject>();

  add(prefix: string, recordId: string, data: string | Buffer, extension: string): void {
    const bytes = typeof data === 'string' ? Math.ceil((data.length * 3) / 4) : data.length;
    const object = this.#byPrefix.get(prefix);
    if (object) {
      object.chunks.push(data);
      object.bytes += bytes;
    } else this.#byPrefix.set(prefix, { firstRecordId: recordId, extension, chunks: [data], bytes });
  }

  entries(): IterableIterator<[string, PendingObject]> {
    return this.#byPrefix.entries();
  }
}
