import { type S3ObjectHandler, s3ObjectHandler } from '@sluice/core/lambda';
import { type BucketStore, bucketStores } from '@sluice/sinks/buckets';
import { writeEventsDataset } from '../batch/events-dataset.js';

/**
 * The batch path's conversion step: a put of `raw/*.csv` rewrites the Parquet dataset
 * `events/date=…/` from it (the seed's Glue job), in the bucket the event names unless a store is
 * given. Rewriting is idempotent, so S3 retries are safe.
 *
 * @example const handler = eventsToParquetHandler(new LocalObjectStore('out/ecommerce-events'));
 */
export function eventsToParquetHandler(store?: BucketStore): S3ObjectHandler {
  const storeFor = bucketStores(store);
  return s3ObjectHandler({
    filter: { prefix: 'raw/', suffix: '.csv' },
    process: async ({ bucket, key }) => {
      await writeEventsDataset(await storeFor(bucket), key);
    },
    onReject: (rejection) => console.log(JSON.stringify({ quarantine: rejection })),
  });
}

let configured: S3ObjectHandler | undefined;

/**
 * The Lambda entry point, writing to the bucket of each event.
 *
 * @example // CDK: bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: 'raw/', suffix: '.csv' })
 */
export const handler: S3ObjectHandler = (event, context) => {
  configured ??= eventsToParquetHandler();
  return configured(event, context);
};
