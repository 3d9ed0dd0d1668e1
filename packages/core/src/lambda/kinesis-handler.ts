import { isPromise, type RecordPipeline } from './batch-account.js';
import {
  type BatchHandler,
  type BatchHandlerFactory,
  type BatchResult,
  batchHandlerFactory,
} from './batch-handler.js';
import { kinesisBatchResponse } from './batch-response.js';
import {
  asPipeline,
  type DecodedRecordOptions,
  type RawRecordOptions,
  type RecordHandlerOptions,
} from './handler-options.js';
import { Invocation } from './invocation.js';
import { type KinesisEvent, type KinesisRecord, parseKinesisEvent } from './kinesis-event.js';
import type { LambdaContext } from './lambda-context.js';

/** A handler for a Kinesis event source mapping with `ReportBatchItemFailures`; assignable to `KinesisStreamHandler` of `@types/aws-lambda`. */
export type KinesisBatchHandler = BatchHandler<KinesisEvent>;

/**
 * Turns a per-record function into a Kinesis handler that reports partial batch failures.
 *
 * Records are processed one at a time in shard order. At the first record that throws a transient
 * error or asks for a retry the handler stops and reports that record's sequence number alone:
 * Lambda checkpoints there and redelivers it and everything after it, so the later records are left
 * for that redelivery (counted as `deferred`) instead of being processed twice. Likewise, once less
 * than `stopMarginMs` of the invocation is left, the first record not started is reported and the
 * rest wait (counted as `outOfTime`). Rejected records, and records whose `process` threw a permanent
 * error, go to `onReject` and are acknowledged. Set the mapping's `MaximumRetryAttempts` and an
 * on-failure destination, or a poison record blocks the shard until it expires.
 *
 * @example
 * export const handler = kinesisBatchHandler({
 *   decode: jsonData(Reading),
 *   process: async (reading) => { await alerts.publish(score(reading)); },
 *   onReject: (rejection) => quarantine.write(rejection),
 * });
 */
export const kinesisBatchHandler: BatchHandlerFactory<KinesisRecord, KinesisEvent> = batchHandlerFactory<
  KinesisRecord,
  KinesisEvent
>(processKinesisBatch);

/** A Kinesis event's response beside the invocation's report. */
export type KinesisBatchResult = BatchResult;

/**
 * What {@link kinesisBatchHandler} does for one event, returning the invocation's report beside the response.
 *
 * @example const { response, report } = await processKinesisBatch(event, { process, onReject }, context);
 */
export function processKinesisBatch(
  event: unknown,
  options: RawRecordOptions<KinesisRecord>,
  context?: LambdaContext,
): Promise<KinesisBatchResult>;
export function processKinesisBatch<T>(
  event: unknown,
  options: DecodedRecordOptions<KinesisRecord, T>,
  context?: LambdaContext,
): Promise<KinesisBatchResult>;
export async function processKinesisBatch<T>(
  event: unknown,
  options: RecordHandlerOptions<KinesisRecord, T>,
  context?: LambdaContext,
): Promise<KinesisBatchResult> {
  const invocation = new Invocation(options, context, 'kinesisBatchHandler');
  const records = parseKinesisEvent(event);
  const checkpoint = await firstUnsettled(invocation, asPipeline(options), records);
  const failed = checkpoint === undefined ? [] : [checkpoint];
  return { response: kinesisBatchResponse(failed), report: await invocation.finish() };
}

/** Runs records in order up to the first that failed or found no time; returns its sequence number. */
async function firstUnsettled<T>(
  invocation: Invocation,
  pipeline: RecordPipeline<KinesisRecord, T>,
  records: readonly KinesisRecord[],
): Promise<string | undefined> {
  const { account } = invocation;
  for (const [index, record] of records.entries()) {
    if (!invocation.hasTime()) {
      for (const rest of records.slice(index)) account.outOfTime(rest.sequenceNumber);
      return record.sequenceNumber;
    }
    const origin = { id: record.sequenceNumber, position: record.position, raw: record.data };
    const run = account.run(pipeline, record, origin);
    if ((isPromise(run) ? await run : run).kind !== 'failed') continue;
    account.defer(records.length - index - 1);
    return record.sequenceNumber;
  }
  return undefined;
}
