import { BatchAccount } from './batch-account.js';
import { type BatchItemFailuresResponse, kinesisBatchResponse } from './batch-response.js';
import {
  asPipeline,
  type DecodedRecordOptions,
  type RawRecordOptions,
  type RecordHandlerOptions,
} from './handler-options.js';
import { type KinesisEvent, type KinesisRecord, parseKinesisEvent } from './kinesis-event.js';
import type { BatchReport } from './verdict.js';

/** A Lambda handler for a Kinesis event source mapping with `ReportBatchItemFailures`. */
export type KinesisBatchHandler = (event: KinesisEvent) => Promise<BatchItemFailuresResponse>;

/**
 * Turns a per-record function into a Kinesis handler that reports partial batch failures.
 *
 * Records are processed one at a time in shard order. At the first record that throws or asks for a
 * retry the handler stops and reports that record's sequence number alone: Lambda checkpoints there
 * and redelivers it and everything after it, so the later records are left for that redelivery
 * (counted as `deferred`) instead of being processed twice. Rejected records go to `onReject` and are
 * acknowledged. Set the mapping's `MaximumRetryAttempts` and an on-failure destination, or a poison
 * record blocks the shard until it expires.
 *
 * @example
 * export const handler = kinesisBatchHandler({
 *   decode: jsonData(Reading),
 *   process: async (reading) => { await alerts.publish(score(reading)); },
 *   onReject: (rejection) => quarantine.write(rejection),
 * });
 */
export function kinesisBatchHandler(options: RawRecordOptions<KinesisRecord>): KinesisBatchHandler;
export function kinesisBatchHandler<T>(options: DecodedRecordOptions<KinesisRecord, T>): KinesisBatchHandler;
export function kinesisBatchHandler<T>(options: RecordHandlerOptions<KinesisRecord, T>): KinesisBatchHandler {
  return async (event) =>
    (await processKinesisBatch(event, options as DecodedRecordOptions<KinesisRecord, T>)).response;
}

/**
 * What {@link kinesisBatchHandler} does for one event, returning the invocation's report beside the response.
 *
 * @example const { response, report } = await processKinesisBatch(event, { process, onReject });
 */
export function processKinesisBatch(
  event: unknown,
  options: RawRecordOptions<KinesisRecord>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }>;
export function processKinesisBatch<T>(
  event: unknown,
  options: DecodedRecordOptions<KinesisRecord, T>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }>;
export async function processKinesisBatch<T>(
  event: unknown,
  options: RecordHandlerOptions<KinesisRecord, T>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }> {
  const account = new BatchAccount(options.now);
  const pipeline = asPipeline(options);
  const records = parseKinesisEvent(event);
  const failed: string[] = [];
  for (const [index, record] of records.entries()) {
    const origin = { id: record.sequenceNumber, position: record.position, raw: record.data };
    if ((await account.run(pipeline, record, origin)).kind !== 'failed') continue;
    failed.push(record.sequenceNumber);
    account.defer(records.length - index - 1);
    break;
  }
  const report = account.report();
  await options.onReport?.(report);
  return { response: kinesisBatchResponse(failed), report };
}
