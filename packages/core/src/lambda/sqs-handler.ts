import { BatchAccount } from './batch-account.js';
import { type BatchItemFailuresResponse, sqsBatchResponse } from './batch-response.js';
import {
  asPipeline,
  type DecodedRecordOptions,
  type RawRecordOptions,
  type RecordHandlerOptions,
} from './handler-options.js';
import { parseSqsEvent, type SqsEvent, type SqsMessage } from './sqs-event.js';
import type { BatchReport } from './verdict.js';

/** A Lambda handler for an SQS event source mapping with `ReportBatchItemFailures`. */
export type SqsBatchHandler = (event: SqsEvent) => Promise<BatchItemFailuresResponse>;

/**
 * Turns a per-message function into an SQS handler that reports partial batch failures: messages
 * that threw or asked for a retry go into `batchItemFailures` (SQS redelivers only those, and moves
 * them to the DLQ after `maxReceiveCount`); rejected messages go to `onReject` and are acknowledged.
 * On a FIFO queue, once a message of a group fails the later messages of that group are not
 * processed but reported as failures too, so the group keeps its order; other groups go on.
 *
 * @example
 * export const handler = sqsBatchHandler({
 *   decode: jsonBody(Transaction),
 *   process: async (tx) => { await table.put(tx); },
 *   onReject: (rejection) => quarantine.write(rejection),
 * });
 */
export function sqsBatchHandler(options: RawRecordOptions<SqsMessage>): SqsBatchHandler;
export function sqsBatchHandler<T>(options: DecodedRecordOptions<SqsMessage, T>): SqsBatchHandler;
export function sqsBatchHandler<T>(options: RecordHandlerOptions<SqsMessage, T>): SqsBatchHandler {
  return async (event) =>
    (await processSqsBatch(event, options as DecodedRecordOptions<SqsMessage, T>)).response;
}

/**
 * What {@link sqsBatchHandler} does for one event, returning the invocation's report beside the response.
 *
 * @example const { response, report } = await processSqsBatch(event, { process, onReject });
 */
export function processSqsBatch(
  event: unknown,
  options: RawRecordOptions<SqsMessage>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }>;
export function processSqsBatch<T>(
  event: unknown,
  options: DecodedRecordOptions<SqsMessage, T>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }>;
export async function processSqsBatch<T>(
  event: unknown,
  options: RecordHandlerOptions<SqsMessage, T>,
): Promise<{ response: BatchItemFailuresResponse; report: BatchReport }> {
  const account = new BatchAccount(options.now);
  const pipeline = asPipeline(options);
  const failed: string[] = [];
  const blockedGroups = new Set<string>();
  for (const message of parseSqsEvent(event)) {
    const group = message.messageGroupId;
    if (group !== undefined && blockedGroups.has(group)) {
      account.defer(1);
      failed.push(message.messageId);
      continue;
    }
    const origin = { id: message.messageId, position: message.position, raw: message.body };
    if ((await account.run(pipeline, message, origin)).kind !== 'failed') continue;
    failed.push(message.messageId);
    if (group !== undefined) blockedGroups.add(group);
  }
  const report = account.report();
  await options.onReport?.(report);
  return { response: sqsBatchResponse(failed), report };
}
