import type { S3Event } from '@sluice/core/lambda';

/**
 * The notification S3 sends a Lambda for a put, with the key URL-encoded the way S3 encodes it
 * (spaces as `+`, everything else as `%XX`): what the local runner hands the handler after
 * `store.put`, so the handler meets the same event shape as on AWS.
 *
 * @example await handler(s3PutEvent('orders-bucket', 'raw/my orders.csv', 1024));
 */
export function s3PutEvent(bucket: string, key: string, size = 0, eventTime = new Date(0)): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: eventTime.toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeS3Key(key), size },
        },
      },
    ],
  };
}

/** S3's form encoding of a key: `raw/my file+1.csv` → `raw/my+file%2B1.csv`. */
export function encodeS3Key(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
}
