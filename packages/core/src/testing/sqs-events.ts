import { hash } from 'node:crypto';
import type { SqsEvent, SqsEventRecord } from '../lambda/sqs-event.js';
import { type EventPayload, type EventSourceOptions, payloadBytes } from './aws-events.js';
import { type SourceFields, sourceFields } from './event-source.js';

/** A message of an SQS event; everything but the body has a default. */
export interface SqsMessageInput {
  body: EventPayload;
  /** Default: a UUID-shaped id from the message's place, `00000000-0000-4000-8000-000000000001`. */
  messageId?: string;
  /** `ApproximateReceiveCount`. Default 1. */
  receiveCount?: number;
  /** `SentTimestamp`, epoch ms. Default 0. */
  sentAt?: number;
  /** `ApproximateFirstReceiveTimestamp`, epoch ms. Default `sentAt`. */
  firstReceivedAt?: number;
  /** FIFO queues. */
  messageGroupId?: string;
}

/** Options of {@link sqsEvent}. */
export interface SqsEventOptions extends EventSourceOptions {
  /** Default `local-queue`. */
  queueName?: string;
}

/**
 * The event Lambda's SQS event source mapping sends, one record per message (a body alone, or a
 * message with its id and receive count).
 *
 * @example
 * await handler(sqsEvent(['{"transaction_id":"T-1"}', { body: '{"transaction_id":"T-2"}', receiveCount: 2 }]));
 */
export function sqsEvent(
  messages: readonly (string | SqsMessageInput)[],
  options: SqsEventOptions = {},
): SqsEvent {
  return {
    Records: messages.map((message, index) =>
      sqsEventRecord(typeof message === 'string' ? { body: message } : message, index + 1, options),
    ),
  };
}

/**
 * One record of an SQS event; `n` numbers the message for its default id.
 *
 * @example sqsEventRecord({ body: 'hello', receiveCount: 2 }, 1, { queueName: 'orders' })
 */
export function sqsEventRecord(
  message: SqsMessageInput,
  n: number,
  options: SqsEventOptions = {},
): SqsEventRecord {
  const body = typeof message.body === 'string' ? message.body : payloadBytes(message.body).toString('utf8');
  const sentAt = message.sentAt ?? 0;
  return sqsEnvelope(
    {
      body,
      messageId: message.messageId ?? sqsMessageId(n),
      receiveCount: message.receiveCount ?? 1,
      sentAt,
      firstReceivedAt: message.firstReceivedAt ?? sentAt,
      messageGroupId: message.messageGroupId,
    },
    sqsQueueSource(options),
  );
}

/** A message's fields as the queue holds them (the local runner fills them in once per delivery). */
export interface SqsEnvelopeFields {
  body: string;
  messageId: string;
  receiveCount: number;
  sentAt: number;
  firstReceivedAt: number;
  messageGroupId?: string | undefined;
}

/** The fields every message of one queue shares, built once per queue (see {@link sqsQueueSource}). */
export type SqsQueueSource = SourceFields;

/** The fields a queue's messages share. Internal to core (the runner builds them once per run). */
export const sqsQueueSource = (options: SqsEventOptions): SqsQueueSource =>
  sourceFields('sqs', options.queueName ?? 'local-queue', options);

/** Wraps a message's fields as Lambda's event source mapping does. Internal to core (the runner). */
export function sqsEnvelope(fields: SqsEnvelopeFields, source: SqsQueueSource): SqsEventRecord {
  const { body, messageId, receiveCount, sentAt } = fields;
  // Set after the literal: a spread among the literal's attributes built every message's on V8's slow path.
  const attributes: SqsEventRecord['attributes'] = {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: String(sentAt),
    SenderId: 'AIDALOCALSTREAMRUNNER',
    ApproximateFirstReceiveTimestamp: String(fields.firstReceivedAt),
  };
  if (fields.messageGroupId !== undefined) attributes.MessageGroupId = fields.messageGroupId;
  return {
    messageId,
    receiptHandle: Buffer.from(`${messageId}#${receiveCount}`).toString('base64'),
    body,
    attributes,
    messageAttributes: {},
    // Worked out when read (a handler seldom checks it), from the body the record holds.
    get md5OfBody() {
      return hash('md5', this.body, 'hex');
    },
    eventSource: 'aws:sqs',
    eventSourceARN: source.eventSourceARN,
    awsRegion: source.awsRegion,
  };
}

/**
 * A UUID-shaped message id made from a send counter: `00000000-0000-4000-8000-00000000002a`.
 *
 * @example sqsMessageId(42) // '00000000-0000-4000-8000-00000000002a'
 */
export function sqsMessageId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
