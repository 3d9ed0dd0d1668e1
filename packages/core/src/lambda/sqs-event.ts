import type { SourcePosition } from '../outcome/outcome.js';
import { eventRecords } from './event-records.js';
import type { EventReader } from './event-shape.js';

/** One message of an SQS event, as Lambda delivers it (the fields Sluice reads). */
export interface SqsEventRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** `ApproximateReceiveCount`, `SentTimestamp`, `MessageGroupId` (FIFO)…, all as strings. */
  attributes: SqsRecordAttributes;
  messageAttributes: Record<string, unknown>;
  md5OfBody: string;
  eventSource: string;
  eventSourceARN: string;
  awsRegion: string;
}

/** The system attributes of an SQS message (all strings; others may be present too). */
export interface SqsRecordAttributes {
  ApproximateReceiveCount?: string;
  SentTimestamp?: string;
  SenderId?: string;
  ApproximateFirstReceiveTimestamp?: string;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
  SequenceNumber?: string;
  AWSTraceHeader?: string;
}

/** The event Lambda's SQS event source mapping sends. */
export interface SqsEvent {
  Records: SqsEventRecord[];
}

/** An SQS message read from an event. */
export interface SqsMessage {
  messageId: string;
  body: string;
  receiptHandle: string;
  attributes: Record<string, string>;
  /** How many times SQS has handed this message out, this delivery included (1 on the first). */
  approximateReceiveCount: number;
  /** Set on FIFO queues: messages of one group must be processed in order. */
  messageGroupId?: string;
  eventSourceARN: string;
  /** The queue name, from the ARN: `orders` for `arn:aws:sqs:eu-west-1:123456789012:orders`. */
  queue: string;
  /** `{ kind: 'message', messageId }`, for rejections. */
  position: SourcePosition;
}

/**
 * Reads every message of an SQS event. Throws `LambdaEventShapeError` if it is not an SQS event.
 *
 * @example
 * for (const message of parseSqsEvent(event)) console.log(message.messageId, message.approximateReceiveCount);
 */
export const parseSqsEvent = (event: unknown): SqsMessage[] => eventRecords('SQS', event, readMessage);

/** A message as the handler sees it: ids, body, attributes, receive count, queue, position. */
function readMessage(record: EventReader): SqsMessage {
  const messageId = record.string('messageId');
  const attributes = stringAttributes(record);
  const eventSourceARN = record.string('eventSourceARN');
  return {
    messageId,
    body: record.string('body'),
    receiptHandle: record.string('receiptHandle'),
    attributes,
    approximateReceiveCount: Number(attributes.ApproximateReceiveCount ?? '1'),
    messageGroupId: attributes.MessageGroupId,
    eventSourceARN,
    queue: eventSourceARN.slice(eventSourceARN.lastIndexOf(':') + 1),
    position: { kind: 'message', messageId },
  };
}

/** The record's `attributes` as they are when every value is a string (no copy per message). */
function stringAttributes(record: EventReader): Record<string, string> {
  const attributes = (record.value as { attributes?: unknown }).attributes;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return record.stringMap('attributes');
  }
  for (const name in attributes) {
    if (typeof (attributes as Record<string, unknown>)[name] !== 'string')
      return record.stringMap('attributes');
  }
  return attributes as Record<string, string>;
}
