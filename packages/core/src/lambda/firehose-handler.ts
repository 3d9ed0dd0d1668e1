import type { Outcome } from '../outcome/outcome.js';
import { BatchAccount, type Settlement } from './batch-account.js';
import type { RecordDecoder } from './decoders.js';
import {
  type FirehoseRecord,
  type FirehoseTransformationEvent,
  parseFirehoseEvent,
} from './firehose-event.js';
import {
  type FirehoseResponseRecord,
  type FirehoseTransformationResponse,
  firehoseDropped,
  firehoseFailed,
  firehoseOk,
  firehoseResponse,
} from './firehose-response.js';
import type { InvocationOptions } from './handler-options.js';
import type { BatchReport, RejectionSink, RetryRequest } from './verdict.js';

/** A transformed Firehose record: its new bytes and, for dynamic partitioning, its partition keys. */
export interface FirehoseOutput {
  data: string | Uint8Array;
  partitionKeys?: Record<string, string>;
}

/** How `process` decided about one Firehose record; nothing at all passes the record through unchanged. */
export type FirehoseVerdict = Outcome<FirehoseOutput> | RetryRequest | undefined;

/** Options of {@link firehoseTransformHandler}. */
export interface FirehoseTransformOptions<T> extends InvocationOptions {
  /** Default: `process` receives the record itself. */
  decode?: RecordDecoder<FirehoseRecord, T>;
  // biome-ignore lint/suspicious/noConfusingVoidType: lets `process` be a plain async function returning nothing
  process: (value: T, record: FirehoseRecord) => FirehoseVerdict | void | Promise<FirehoseVerdict | void>;
  /** Optional: Firehose itself keeps `ProcessingFailed` records under the stream's error prefix. */
  onReject?: RejectionSink<FirehoseRecord>;
}

/** A Firehose data-transformation Lambda handler. */
export type FirehoseTransformHandler = (
  event: FirehoseTransformationEvent,
) => Promise<FirehoseTransformationResponse>;

/**
 * Turns a per-record function into a Firehose transformation handler. Each record is answered once,
 * in order: `kept({ data, partitionKeys })` → `Ok`, `dropped(reason)` → `Dropped`, a rejection, a
 * throw or `retryLater` → `ProcessingFailed` with the original data (Firehose has no per-record retry;
 * it writes those records under the error prefix). The response is checked against the request and
 * against Lambda's 6 MB limit (`FirehoseResponseTooLargeError`).
 *
 * @example
 * export const handler = firehoseTransformHandler({
 *   decode: jsonData(Click),
 *   process: (click) => kept({ data: `${JSON.stringify(enrich(click))}\n`, partitionKeys: { datehour: hourOf(click) } }),
 * });
 */
export function firehoseTransformHandler(
  options: FirehoseTransformOptions<FirehoseRecord> & { decode?: undefined },
): FirehoseTransformHandler;
export function firehoseTransformHandler<T>(
  options: FirehoseTransformOptions<T> & { decode: RecordDecoder<FirehoseRecord, T> },
): FirehoseTransformHandler;
export function firehoseTransformHandler<T>(options: FirehoseTransformOptions<T>): FirehoseTransformHandler {
  return async (event) => (await transformBatch(event, options)).response;
}

/**
 * What {@link firehoseTransformHandler} does for one request, returning the report beside the response.
 *
 * @example const { response, report } = await processFirehoseBatch(event, { process });
 */
export function processFirehoseBatch(
  event: unknown,
  options: FirehoseTransformOptions<FirehoseRecord> & { decode?: undefined },
): Promise<{ response: FirehoseTransformationResponse; report: BatchReport }>;
export function processFirehoseBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T> & { decode: RecordDecoder<FirehoseRecord, T> },
): Promise<{ response: FirehoseTransformationResponse; report: BatchReport }>;
export function processFirehoseBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T>,
): Promise<{ response: FirehoseTransformationResponse; report: BatchReport }> {
  return transformBatch(event, options);
}

async function transformBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T>,
): Promise<{ response: FirehoseTransformationResponse; report: BatchReport }> {
  const request = parseFirehoseEvent(event);
  const account = new BatchAccount(options.now);
  const pipeline = { decode: options.decode, process: options.process, onReject: options.onReject ?? noSink };
  const answers: FirehoseResponseRecord[] = [];
  for (const record of request.records) {
    const origin = { id: record.recordId, position: record.position, raw: record.data };
    answers.push(answer(record, await account.run(pipeline, record, origin)));
  }
  const response = firehoseResponse(request, answers);
  const report = account.report();
  await options.onReport?.(report);
  return { response, report };
}

function answer(record: FirehoseRecord, settlement: Settlement): FirehoseResponseRecord {
  if (settlement.kind === 'dropped') return firehoseDropped(record.recordId, record.data);
  if (settlement.kind !== 'kept') return firehoseFailed(record.recordId, record.data);
  const output = settlement.value as FirehoseOutput | undefined;
  if (!output) return { recordId: record.recordId, result: 'Ok', data: record.data };
  return firehoseOk(record.recordId, output.data, output.partitionKeys);
}

function noSink(): void {}
