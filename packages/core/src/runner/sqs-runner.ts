import type { SqsEvent } from '../lambda/sqs-event.js';
import { type SqsQueueSource, sqsEnvelope, sqsMessageId, sqsQueueSource } from '../testing/sqs-events.js';
import { type Delivery, DeliveryLoop } from './delivery-loop.js';
import { type EventHandler, type EventRunner, feed, invokeWith } from './event-runner.js';
import { type CommonRunnerOptions, requireInteger, resolveCommonOptions } from './options.js';
import { payloadBytes, type RecordPayload } from './stream-source.js';

/** A message to send to the local queue, as `SendMessage` would take it. */
export interface SqsInput {
  body: RecordPayload;
}

/** Options of {@link runSqsQueue}. */
export interface SqsRunnerOptions extends CommonRunnerOptions {
  /** Default `local-queue`. */
  queueName?: string;
  /** Default 10, as Lambda's SQS mapping. */
  batchSize?: number;
  /**
   * The redrive policy's `maxReceiveCount`: a message that fails this many deliveries goes to the
   * dead-letter list. Default 3.
   */
  maxReceiveCount?: number;
}

/** The handler the runner calls: any SQS Lambda handler (see `sqsBatchHandler`). */
export type SqsEventHandler = EventHandler<SqsEvent>;

interface SqsDelivery extends Delivery<SqsInput> {
  body: string;
}

/**
 * Feeds messages to an SQS handler as Lambda would, in batches; honours `batchItemFailures` by
 * redelivering only the failed messages (with `ApproximateReceiveCount` counting up), and moves a
 * message to the dead-letter list once it has failed `maxReceiveCount` deliveries. A handler that
 * throws fails the whole batch. Message ids are deterministic (same input, same ids); memory holds at
 * most `batchSize` messages.
 *
 * @example
 * const report = await runSqsQueue(transactions(), sqsBatchHandler({ decode: jsonBody(Transaction), process, onReject }), {
 *   maxReceiveCount: 5,
 * });
 * console.log(report.acknowledged, report.deadLettered);
 */
export const runSqsQueue: EventRunner<SqsInput, SqsEvent, SqsRunnerOptions> = async (
  source,
  handler,
  options = {},
) => {
  const { common, maxReceiveCount } = queueSettings(options);
  const queue = sqsQueueSource({ ...common, queueName: options.queueName });
  const loop = new DeliveryLoop<SqsInput, SqsDelivery>({
    ...common,
    maxFailures: maxReceiveCount,
    redelivery: 'failed-only',
    invoke: invokeWith(handler, (delivery: SqsDelivery) => toEventRecord(delivery, queue)),
  });
  return feed(source, loop, sender(common.clock.now));
};

/** The options with their defaults, checked. */
function queueSettings(options: SqsRunnerOptions) {
  const common = resolveCommonOptions(options, 10);
  const maxReceiveCount = options.maxReceiveCount ?? 3;
  requireInteger('maxReceiveCount', maxReceiveCount, 1);
  return { common, maxReceiveCount };
}

/** Numbers each message sent, as `SendMessage` gives it an id, and notes when it arrived. */
function sender(now: () => number): (record: SqsInput) => SqsDelivery {
  let sent = 0;
  return (record) => ({
    record,
    id: sqsMessageId(++sent),
    lane: 0,
    arrivedAt: now(),
    deliveries: 0,
    failures: 0,
    body: typeof record.body === 'string' ? record.body : payloadBytes(record.body).toString('utf8'),
  });
}

function toEventRecord(delivery: SqsDelivery, queue: SqsQueueSource) {
  const { id: messageId, body, deliveries: receiveCount, arrivedAt: sentAt } = delivery;
  const firstReceivedAt = delivery.firstDeliveredAt ?? sentAt;
  return sqsEnvelope({ body, messageId, receiveCount, sentAt, firstReceivedAt }, queue);
}
