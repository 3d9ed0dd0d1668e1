import type { S3Event, S3EventRecord } from '../lambda/s3-event.js';
import type { EventSourceOptions } from './aws-events.js';
import { DEFAULT_REGION } from './aws-events.js';

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

/** One object (a key, or a key and a size) or several. */
export type S3Objects = string | S3ObjectInput | readonly (string | S3ObjectInput)[];

/**
 * The notification S3 sends a Lambda for puts, one record per object, keys URL-encoded as S3 encodes
 * them (spaces as `+`, the rest as `%XX`).
 *
 * @example
 * await handler(s3PutEvent('orders-bucket', { key: 'raw/my orders.csv', size: 1024 }));
 * await handler(s3PutEvent('events-bucket', ['raw/a.csv', 'raw/b.csv']));
 */
export function s3PutEvent(bucket: string, objects: S3Objects, options: S3EventOptions = {}): S3Event {
  return s3Event('ObjectCreated:Put', bucket, objects, options);
}

/**
 * The notification S3 sends for deletions (`ObjectRemoved:Delete`), one record per key.
 *
 * @example await handler(s3RemoveEvent('orders-bucket', 'raw/orders.csv'));
 */
export function s3RemoveEvent(bucket: string, objects: S3Objects, options: S3EventOptions = {}): S3Event {
  return s3Event('ObjectRemoved:Delete', bucket, objects, options);
}

function s3Event(eventName: string, bucket: string, objects: S3Objects, options: S3EventOptions): S3Event {
  const list = Array.isArray(objects) ? objects : [objects];
  const record = (object: string | S3ObjectInput): S3EventRecord => {
    const { key, size = 0 } = typeof object === 'string' ? { key: object } : object;
    return {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: options.region ?? DEFAULT_REGION,
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
