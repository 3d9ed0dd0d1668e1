import type { RecordPipeline } from './batch-account.js';
import { type BatchItemFailuresResponse, sqsBatchResponse, withFailureText } from './batch-response.js';
import {
  asPipeline,
  type DecodedRecordOptions,
  type RawRecordOptions,
  type RecordHandlerOptions,
} from './handler-options.js';
import { Invocation } from './invocation.js';
import type { LambdaContext } from './lambda-context.js';
import { parseSqsEvent, type SqsEvent, type SqsMessage } from './sqs-event.js';
import type { BatchReport } from './verdict.js';

/**
 * A Lambda handler for an SQS event source mapping with `ReportBatchItemFailures`; assignable to
 * `SQSHandler` of `@types/aws-lambda`. Without a context (local runs) there is no time limit.
 */
export type SqsBatchHandler = (
  event: SqsEvent,
  context?: LambdaContext,
) => Promise<BatchItemFailuresResponse>;

/**
 * Turns a per-message function into an SQS handler that reports partial batch failures: messages
 * that threw a transient error or asked for a retry go into `batchItemFailures` (SQS redelivers only
 * those, and moves them to the DLQ after `maxReceiveCount`); rejected messages, and messages whose
 * `process` threw a permanent error, go to `onReject` and are acknowledged. Once less than
 * `stopMarginMs` of the invocation is left, the remaining messages are not started but reported as
 * failures, so SQS redelivers them. On a FIFO queue, once a message of a group fails the later
 * messages of that group are not processed but reported as failures too, so the group keeps its
 * order; other groups go on. Each invocation ends with one EMF line of its report.
 *
 * @example
 * export const handler = sqsBatchHandler({
 *   decode: jsonBody(Transaction),
 *   process: async (tx) => { await table.put(tx); },
 *   onReject: (rejection) => quarantine.write(rejection),
 *   metrics: { dimensions: { Pipeline: 'transactions' } },
 * });
 */
export function sqsBatchHandler(options: RawRecordOptions<SqsMessage>): SqsBatchHandler;
export function sqsBatchHandler<T>(options: DecodedRecordOptions<SqsMessage, T>): SqsBatchHandler;
export function sqsBatchHandler<T>(options: RecordHandlerOptions<SqsMessage, T>): SqsBatchHandler {
  return async (event, context) =>
    (await processSqsBatch(event, options as DecodedRecordOptions<SqsMessage, T>, context)).response;
}

/** An SQS event's response beside the invocation's report. */
export interface SqsBatchResult {
  response: BatchItemFailuresResponse;
  report: BatchReport;
}

/**
 * What {@link sqsBatchHandler} does for one event, returning the invocation's report beside the response.
 *
 * @example const { response, report } = await processSqsBatch(event, { process, onReject }, context);
 */
export function processSqsBatch(
  event: unknown,
  options: RawRecordOptions<SqsMessage>,
  context?: LambdaContext,
): Promise<SqsBatchResult>;
export function processSqsBatch<T>(
  event: unknown,
  options: DecodedRecordOptions<SqsMessage, T>,
  context?: LambdaContext,
): Promise<SqsBatchResult>;
export async function processSqsBatch<T>(
  event: unknown,
  options: RecordHandlerOptions<SqsMessage, T>,
  context?: LambdaContext,
): Promise<SqsBatchResult> {
  const invocation = new Invocation(options, context, 'sqsBatchHandler');
  const failed: string[] = [];
  const blockedGroups = new Set<string>();
  for (const message of parseSqsEvent(event)) {
    if (await settleMessage(invocation, asPipeline(options), message, blockedGroups)) continue;
    failed.push(message.messageId);
  }
  const report = await invocation.finish();
  return { response: withFailureText(sqsBatchResponse(failed), report.failures), report };
}

/** Runs one message unless it must wait; true when it is settled (acknowledged). */
async function settleMessage<T>(
  invocation: Invocation,
  pipeline: RecordPipeline<SqsMessage, T>,
  message: SqsMessage,
  blockedGroups: Set<string>,
): Promise<boolean> {
  const { account } = invocation;
  const group = message.messageGroupId;
  if (!invocation.hasTime()) {
    account.outOfTime(message.messageId);
    return false;
  }
  if (group !== undefined && blockedGroups.has(group)) {
    account.defer(1);
    return false;
  }
  const origin = { id: message.messageId, position: message.position, raw: message.body };
  if ((await account.run(pipeline, message, origin)).kind !== 'failed') return true;
  if (group !== undefined) blockedGroups.add(group);
  return false;
}
