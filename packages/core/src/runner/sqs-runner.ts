import { createHash } from 'node:crypto';
import type { SqsEvent, SqsEventRecord } from '../lambda/sqs-event.js';
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
  const arn = `arn:aws:sqs:${common.region}:${common.accountId}:${options.queueName ?? 'local-queue'}`;
  const loop = new DeliveryLoop<SqsInput, SqsDelivery>({
    ...common,
    maxFailures: maxReceiveCount,
    redelivery: 'failed-only',
    invoke: async (batch) => handler({ Records: batch.map((d) => toEventRecord(d, arn, common.region)) }),
  });
  let sent = 0;
  for await (const record of source) {
    sent++;
    const body = payloadBytes(record.body).toString('utf8');
    const arrivedAt = common.clock.now();
    await loop.accept({ record, id: messageId(sent), lane: 0, arrivedAt, deliveries: 0, failures: 0, body });
  }
  return loop.finish();
}

/** A UUID-shaped id made from the send counter: `00000000-0000-4000-8000-00000000002a`. */
function messageId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function toEventRecord(delivery: SqsDelivery, arn: string, region: string): SqsEventRecord {
  return {
    messageId: delivery.id,
    receiptHandle: Buffer.from(`${delivery.id}#${delivery.deliveries}`).toString('base64'),
    body: delivery.body,
    attributes: {
      ApproximateReceiveCount: String(delivery.deliveries),
      SentTimestamp: String(delivery.arrivedAt),
      SenderId: 'AIDALOCALSTREAMRUNNER',
      ApproximateFirstReceiveTimestamp: String(delivery.firstDeliveredAt ?? delivery.arrivedAt),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(delivery.body, 'utf8').digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: region,
  };
}
