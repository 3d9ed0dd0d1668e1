import {
  type InvocationOptions,
  jsonLogger,
  type S3ObjectHandler,
  s3ObjectHandler,
} from '@sluice/core/lambda';
import { rejected } from '@sluice/core/outcome';
import { type BucketStore, bucketStores } from '@sluice/sinks/buckets';
import { writeEventsDataset } from '../batch/events-dataset.js';

/** What the conversion step takes besides its store: where its report, logs and metrics go. */
export type EventsToParquetOptions = Pick<InvocationOptions, 'onReport' | 'logger' | 'metrics'>;

/**
 * The batch path's conversion step: a put of `raw/*.csv` rewrites that object's Parquet files in
 * `events/date=…/`, its quarantine and its report (the seed's Glue job), in the bucket the event
 * names unless a store is given; other objects' files stay, so monthly files accumulate. Rewriting
 * is idempotent, so S3 retries are safe. A file no retry can fix (empty, a required column missing,
 * two columns of one name) is settled at once as `unreadable-object` with its quarantine entry;
 * a CSV that is gone by the time it is read (`NoSuchKey`) is logged instead of retried.
 *
 * @example
 * const handler = eventsToParquetHandler(new LocalObjectStore('out/ecommerce-events'), { onReport: console.log });
 */
export function eventsToParquetHandler(
  store?: BucketStore,
  options: EventsToParquetOptions = {},
): S3ObjectHandler {
  const storeFor = bucketStores(store);
  const logger = options.logger ?? jsonLogger();
  return s3ObjectHandler({
    name: 'events-to-parquet',
    filter: { prefix: 'raw/', suffix: '.csv' },
    process: async ({ bucket, key }) => {
      const { refused } = await writeEventsDataset(await storeFor(bucket), key);
      if (refused) return rejected(refused.reason, refused.message);
    },
    onReject: (rejection) => logger.warn('object quarantined', { quarantine: rejection }),
    metrics: { dimensions: { Pipeline: 'ecommerce-batch-stream' } },
    ...options,
    logger,
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
