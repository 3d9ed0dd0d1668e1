import type { Outcome, SourceRecord } from '../outcome/outcome.js';
import { isPromise, type Settlement } from './batch-account.js';
import type { RecordDecoder } from './decoders.js';
import { FirehoseRetryError } from './errors.js';
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
import { Invocation } from './invocation.js';
import type { LambdaContext } from './lambda-context.js';
import { rejectionAt } from './payload.js';
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

/**
 * A Firehose data-transformation Lambda handler; assignable to `FirehoseTransformationHandler` of
 * `@types/aws-lambda`. Without a context (local runs) there is no time limit.
 */
export type FirehoseTransformHandler = (
  event: FirehoseTransformationEvent,
  context?: LambdaContext,
) => Promise<FirehoseTransformationResponse>;

/** A Firehose request's response beside the invocation's report. */
export interface FirehoseBatchResult {
  response: FirehoseTransformationResponse;
  report: BatchReport;
}

/**
 * Turns a per-record function into a Firehose transformation handler. Each record is answered once,
 * in order: `kept({ data, partitionKeys })` → `Ok`, `dropped(reason)` → `Dropped`, a rejection or a
 * permanent error (see `classifyError`) → `ProcessingFailed` with the original data, which Firehose
 * writes under the stream's error prefix. Firehose has no per-record retry, so when a record threw a
 * transient error or asked for a retry, or records were not started because less than
 * `stopMarginMs` was left, the handler throws `FirehoseRetryError` after the batch: Firehose then
 * invokes it again with the whole batch (up to the stream's retry duration) instead of writing good
 * records off as failed. The response is checked against the request and against Lambda's 6 MB
 * limit (`FirehoseResponseTooLargeError`).
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
  return async (event, context) => {
    const result = await transformBatch(event, options, context);
    const { report } = result;
    if (report.failed > 0 || report.outOfTime > 0) throw retryError(result);
    return result.response;
  };
}

/**
 * What {@link firehoseTransformHandler} does for one request, returning the report beside the response.
 * It does not throw for transient failures: records that failed or were not started are answered
 * `ProcessingFailed` and counted in `report.failed` / `report.outOfTime`.
 *
 * @example const { response, report } = await processFirehoseBatch(event, { process }, context);
 */
export function processFirehoseBatch(
  event: unknown,
  options: FirehoseTransformOptions<FirehoseRecord> & { decode?: undefined },
  context?: LambdaContext,
): Promise<FirehoseBatchResult>;
export function processFirehoseBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T> & { decode: RecordDecoder<FirehoseRecord, T> },
  context?: LambdaContext,
): Promise<FirehoseBatchResult>;
export async function processFirehoseBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T>,
  context?: LambdaContext,
): Promise<FirehoseBatchResult> {
  const { response, report } = await transformBatch(event, options, context);
  return { response, report };
}

interface TransformedBatch extends FirehoseBatchResult {
  invocationId: string;
  outOfTime: readonly string[];
}

async function transformBatch<T>(
  event: unknown,
  options: FirehoseTransformOptions<T>,
  context: LambdaContext | undefined,
): Promise<TransformedBatch> {
  const request = parseFirehoseEvent(event);
  const invocation = new Invocation(options, context, 'firehoseTransformHandler');
  const { account } = invocation;
  const pipeline = { decode: options.decode, process: options.process, onReject: options.onReject ?? noSink };
  const answers: FirehoseResponseRecord[] = [];
  for (const record of request.records) {
    if (!invocation.hasTime()) {
      account.outOfTime(record.recordId);
      answers.push(firehoseFailed(record.recordId, record.data));
      continue;
    }
    const origin = { id: record.recordId, position: record.position, raw: record.data };
    const run = record.dataMissing ? { ...pipeline, decode: missingData } : pipeline;
    const settling = account.run(run, record, origin);
    answers.push(answer(record, isPromise(settling) ? await settling : settling));
  }
  const response = firehoseResponse(request, answers);
  const report = await invocation.finish();
  return { response, report, invocationId: request.invocationId, outOfTime: account.outOfTimeIds() };
}

function retryError({ invocationId, report, outOfTime }: TransformedBatch): FirehoseRetryError {
  const cause = report.failures[0]?.cause;
  return new FirehoseRetryError(
    invocationId,
    { failures: report.failures, outOfTime },
    cause === undefined ? {} : { cause },
  );
}

function answer(record: FirehoseRecord, settlement: Settlement): FirehoseResponseRecord {
  if (settlement.kind === 'dropped') return firehoseDropped(record.recordId, record.data);
  if (settlement.kind !== 'kept') return firehoseFailed(record.recordId, record.data);
  const output = settlement.value as FirehoseOutput | undefined;
  if (!output) return { recordId: record.recordId, result: 'Ok', data: record.data };
  return firehoseOk(record.recordId, output.data, output.partitionKeys);
}

function noSink(): void {}

function missingData(record: FirehoseRecord): SourceRecord<never> {
  const message = `record ${record.recordId} has no data (missing or null)`;
  return { ok: false, rejection: rejectionAt('missing-data', message, record.position, '') };
}
