import { createHash } from 'node:crypto';
import type { FirehoseEventRecord, FirehoseTransformationEvent } from '../lambda/firehose-event.js';
import type { KinesisEvent, KinesisEventRecord } from '../lambda/kinesis-event.js';
import type { S3Event, S3EventRecord } from '../lambda/s3-event.js';
import type { SqsEvent, SqsEventRecord } from '../lambda/sqs-event.js';

// The events Lambda hands a handler, built the way the services build them. The local runners send
// these same shapes, so a handler meets one event format in unit tests, local runs and on AWS.

/** Bytes, text (UTF-8), or a value sent as JSON. */
export type EventPayload = string | Uint8Array | Record<string, unknown> | unknown[];

/** Where the events come from. Defaults: `us-east-1`, account `123456789012`. */
export interface EventSourceOptions {
  region?: string;
  accountId?: string;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** The payload's bytes as the service would carry them. */
export function payloadBytes(payload: EventPayload): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

/** An object an S3 notification names: its key as stored (not yet URL-encoded) and its size. */
export interface S3ObjectInput {
  key: string;
  size?: number;
}

/** Options of {@link s3PutEvent} and {@link s3RemoveEvent}. */
export interface S3EventOptions extends EventSourceOptions {
  /** Default: the epoch, so events are deterministic. */
  eventTime?: Date;
}

/**
 * The notification S3 sends a Lambda for puts, one record per object, keys URL-encoded as S3 encodes
 * them (spaces as `+`, the rest as `%XX`).
 *
 * @example
 * await handler(s3PutEvent('orders-bucket', { key: 'raw/my orders.csv', size: 1024 }));
 * await handler(s3PutEvent('events-bucket', ['raw/a.csv', 'raw/b.csv']));
 */
export function s3PutEvent(
  bucket: string,
  objects: string | S3ObjectInput | readonly (string | S3ObjectInput)[],
  options: S3EventOptions = {},
): S3Event {
  return s3Event('ObjectCreated:Put', bucket, objects, options);
}

/**
 * The notification S3 sends for deletions (`ObjectRemoved:Delete`), one record per key.
 *
 * @example await handler(s3RemoveEvent('orders-bucket', 'raw/orders.csv'));
 */
export function s3RemoveEvent(
  bucket: string,
  objects: string | S3ObjectInput | readonly (string | S3ObjectInput)[],
  options: S3EventOptions = {},
): S3Event {
  return s3Event('ObjectRemoved:Delete', bucket, objects, options);
}

function s3Event(
  eventName: string,
  bucket: string,
  objects: string | S3ObjectInput | readonly (string | S3ObjectInput)[],
  options: S3EventOptions,
): S3Event {
  const list = Array.isArray(objects) ? objects : [objects];
  const record = (object: string | S3ObjectInput): S3EventRecord => {
    const { key, size = 0 } = typeof object === 'string' ? { key: object } : object;
    return {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: options.region ?? REGION,
      eventTime: (options.eventTime ?? new Date(0)).toISOString(),
      eventName,
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: { key: encodeS3Key(key), size },
      },
    };
  };
  return { Records: list.map(record) };
}

/**
 * S3's form encoding of a key in an event: `raw/my file+1.csv` → `raw/my+file%2B1.csv`.
 *
 * @example encodeS3Key('raw/my orders.csv') // 'raw/my+orders.csv'
 */
export function encodeS3Key(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
}

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
  const region = options.region ?? REGION;
  const messageId = message.messageId ?? sqsMessageId(n);
  const receiveCount = message.receiveCount ?? 1;
  const body = typeof message.body === 'string' ? message.body : payloadBytes(message.body).toString('utf8');
  const sentAt = message.sentAt ?? 0;
  return {
    messageId,
    receiptHandle: Buffer.from(`${messageId}#${receiveCount}`).toString('base64'),
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(sentAt),
      SenderId: 'AIDALOCALSTREAMRUNNER',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? sentAt),
      ...(message.messageGroupId !== undefined && { MessageGroupId: message.messageGroupId }),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body, 'utf8').digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:${options.accountId ?? ACCOUNT}:${options.queueName ?? 'local-queue'}`,
    awsRegion: region,
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

/** A record of a Kinesis event; everything but the data has a default. */
export interface KinesisRecordInput {
  data: EventPayload;
  /** Default `partition-key`. */
  partitionKey?: string;
  /** Default: 56 digits from the shard and the record's place, increasing within the shard. */
  sequenceNumber?: string;
  /** Default 0. */
  shard?: number;
  /** Epoch ms. Default 0. */
  arrivedAt?: number;
}

/** Options of {@link kinesisEvent}. */
export interface KinesisEventOptions extends EventSourceOptions {
  /** Default `local-stream`. */
  streamName?: string;
}

/**
 * The event Lambda's Kinesis event source mapping sends, one record per input (data is base64 of
 * the payload's bytes; objects are sent as JSON).
 *
 * @example
 * await handler(kinesisEvent(readings.map((r) => ({ data: r, partitionKey: r.machine_id }))));
 */
export function kinesisEvent(
  records: readonly KinesisRecordInput[],
  options: KinesisEventOptions = {},
): KinesisEvent {
  return { Records: records.map((record, index) => kinesisEventRecord(record, index + 1, options)) };
}

/**
 * One record of a Kinesis event; `n` numbers the record for its default sequence number.
 *
 * @example kinesisEventRecord({ data: { machine_id: 7 }, partitionKey: '7' }, 1, { streamName: 'readings' })
 */
export function kinesisEventRecord(
  record: KinesisRecordInput,
  n: number,
  options: KinesisEventOptions = {},
): KinesisEventRecord {
  const shard = record.shard ?? 0;
  return kinesisEnvelope(
    {
      partitionKey: record.partitionKey ?? 'partition-key',
      sequenceNumber: record.sequenceNumber ?? kinesisSequenceNumber(shard, n),
      base64Data: payloadBytes(record.data).toString('base64'),
      shard,
      arrivedAt: record.arrivedAt ?? 0,
    },
    options,
  );
}

/** A Kinesis record's fields with its data already base64 (the local runner encodes once per record). */
export interface KinesisEnvelopeFields {
  partitionKey: string;
  sequenceNumber: string;
  base64Data: string;
  shard: number;
  arrivedAt: number;
}

/** Wraps a record's fields as Lambda's event source mapping does. Internal to core (the runner). */
export function kinesisEnvelope(
  fields: KinesisEnvelopeFields,
  options: KinesisEventOptions,
): KinesisEventRecord {
  const region = options.region ?? REGION;
  const account = options.accountId ?? ACCOUNT;
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: fields.partitionKey,
      sequenceNumber: fields.sequenceNumber,
      data: fields.base64Data,
      approximateArrivalTimestamp: fields.arrivedAt / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-${String(fields.shard).padStart(12, '0')}:${fields.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${account}:role/local-stream-runner`,
    awsRegion: region,
    eventSourceARN: `arn:aws:kinesis:${region}:${account}:stream/${options.streamName ?? 'local-stream'}`,
  };
}

/**
 * 56 digits like a real sequence number, increasing within a shard: `4959` + shard + counter.
 *
 * @example kinesisSequenceNumber(0, 1) // '4959' + '0000' + 47 zeros + '1'
 */
export function kinesisSequenceNumber(shard: number, n: number): string {
  return `4959${String(shard).padStart(4, '0')}${String(n).padStart(48, '0')}`;
}

/** A record of a Firehose transformation request; everything but the data has a default. */
export interface FirehoseRecordInput {
  data: EventPayload;
  /** Default: the record's place, zero-padded (`000000000001`). */
  recordId?: string;
  /** Epoch ms. Default 0. */
  arrivedAt?: number;
}

/** Options of {@link firehoseEvent}. */
export interface FirehoseEventOptions extends EventSourceOptions {
  /** Default `local-delivery-stream`. */
  deliveryStreamName?: string;
  /** Default `invocation-1`. */
  invocationId?: string;
}

/**
 * The request Firehose sends its data-transformation Lambda (data is base64 of the payload's bytes).
 *
 * @example
 * const { records } = await transform(firehoseEvent([{ data: click }, { data: 'not json' }]));
 */
export function firehoseEvent(
  records: readonly FirehoseRecordInput[],
  options: FirehoseEventOptions = {},
): FirehoseTransformationEvent {
  const region = options.region ?? REGION;
  const name = options.deliveryStreamName ?? 'local-delivery-stream';
  return {
    invocationId: options.invocationId ?? 'invocation-1',
    deliveryStreamArn: `arn:aws:firehose:${region}:${options.accountId ?? ACCOUNT}:deliverystream/${name}`,
    region,
    records: records.map((record, index) => firehoseEventRecord(record, index + 1)),
  };
}

/** One record of a Firehose request; `n` numbers the record for its default id. */
function firehoseEventRecord(record: FirehoseRecordInput, n: number): FirehoseEventRecord {
  return {
    recordId: record.recordId ?? String(n).padStart(12, '0'),
    approximateArrivalTimestamp: record.arrivedAt ?? 0,
    data: payloadBytes(record.data).toString('base64'),
  };
}
