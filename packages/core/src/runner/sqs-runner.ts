import type { SqsEvent } from '../lambda/sqs-event.js';
import { type SqsEventOptions, sqsEventRecord, sqsMessageId } from '../testing/sqs-events.js';
import { type Delivery, DeliveryLoop } from './delivery-loop.js';
import { type CommonRunnerOptions, requireInteger, resolveCommonOptions } from './options.js';
import type { StreamRunReport } from './report.js';
import { payloadBytes, type RecordPayload, type RecordSource } from './stream-source.js';

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
export type SqsEventHandler = (event: SqsEvent) => unknown;

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
export async function runSqsQueue(
  source: RecordSource<SqsInput>,
  handler: SqsEventHandler,
  options: SqsRunnerOptions = {},
): Promise<StreamRunReport<SqsInput>> {
  const common = resolveCommonOptions(options, 10);
  const maxReceiveCount = options.maxReceiveCount ?? 3;
  requireInteger('maxReceiveCount', maxReceiveCount, 1);
  const origin = { region: common.region, accountId: common.accountId, queueName: options.queueName };
  const loop = new DeliveryLoop<SqsInput, SqsDelivery>({
    ...common,
    maxFailures: maxReceiveCount,
    redelivery: 'failed-only',
    invoke: async (batch) => handler({ Records: batch.map((d) => toEventRecord(d, origin)) }),
  });
  let sent = 0;
  for await (const record of source) {
    sent++;
    const body = typeof record.body === 'string' ? record.body : payloadBytes(record.body).toString('utf8');
    const arrivedAt = common.clock.now();
    await loop.accept({
      record,
      id: sqsMessageId(sent),
      lane: 0,
      arrivedAt,
      deliveries: 0,
      failures: 0,
      body,
    });
  }
  return loop.finish();
}

function toEventRecord(delivery: SqsDelivery, source: SqsEventOptions) {
  const { id: messageId, body, deliveries: receiveCount, arrivedAt: sentAt } = delivery;
  const firstReceivedAt = delivery.firstDeliveredAt ?? sentAt;
  return sqsEventRecord({ body, messageId, receiveCount, sentAt, firstReceivedAt }, 0, source);
}
