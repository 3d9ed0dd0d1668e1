import { isPromise, type RecordPipeline } from './batch-account.js';
import {
  type BatchHandler,
  type BatchHandlerFactory,
  type BatchProcessor,
  type BatchResult,
  batchHandlerFactory,
} from './batch-handler.js';
import { sqsBatchResponse, withFailureText } from './batch-response.js';
import { asPipeline, type RecordHandlerOptions } from './handler-options.js';
import { Invocation } from './invocation.js';
import type { LambdaContext } from './lambda-context.js';
import { parseSqsEvent, type SqsEvent, type SqsMessage } from './sqs-event.js';

/** A handler for an SQS event source mapping with `ReportBatchItemFailures`; assignable to `SQSHandler` of `@types/aws-lambda`. */
export type SqsBatchHandler = BatchHandler<SqsEvent>;

/** An SQS event's response beside the invocation's report. */
export type SqsBatchResult = BatchResult;

/**
 * What {@link sqsBatchHandler} does for one event, returning the invocation's report beside the response.
 *
 * @example const { response, report } = await processSqsBatch(event, { process, onReject }, context);
 */
export const processSqsBatch: BatchProcessor<SqsMessage> = async <T>(
  event: unknown,
  options: RecordHandlerOptions<SqsMessage, T>,
  context?: LambdaContext,
): Promise<SqsBatchResult> => {
  const invocation = new Invocation(options, context, 'sqsBatchHandler');
  const failed: string[] = [];
  const blockedGroups = new Set<string>();
  for (const message of parseSqsEvent(event)) {
    const settled = settleMessage(invocation, asPipeline(options), message, blockedGroups);
    if (isPromise(settled) ? await settled : settled) continue;
    failed.push(message.messageId);
  }
  const report = await invocation.finish();
  return { response: withFailureText(sqsBatchResponse(failed), report.failures), report };
};

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
export const sqsBatchHandler: BatchHandlerFactory<SqsMessage, SqsEvent> = batchHandlerFactory<
  SqsMessage,
  SqsEvent
>(processSqsBatch);

/** Runs one message unless it must wait; true when it is settled (acknowledged). */
function settleMessage<T>(
  invocation: Invocation,
  pipeline: RecordPipeline<SqsMessage, T>,
  message: SqsMessage,
  blockedGroups: Set<string>,
): boolean | Promise<boolean> {
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
  const settled = (kind: string) => {
    if (kind !== 'failed') return true;
    if (group !== undefined) blockedGroups.add(group);
    return false;
  };
  const run = account.run(pipeline, message, origin);
  return isPromise(run) ? Promise.resolve(run).then((s) => settled(s.kind)) : settled(run.kind);
}
