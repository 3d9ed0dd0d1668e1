import { type S3ObjectHandler, s3ObjectHandler } from '@sluice/core/lambda';
import type { ObjectStore } from '@sluice/core/storage';
import { writeEventsDataset } from '../batch/events-dataset.js';
import { storeFromEnvironment } from './environment.js';

/**
 * The batch path's conversion step: a put of `raw/*.csv` rewrites the Parquet dataset
 * `events/date=…/` from it (the seed's Glue job). Rewriting is idempotent, so S3 retries are safe.
 *
 * @example const handler = eventsToParquetHandler(new LocalObjectStore('out/ecommerce-events'));
 */
export function eventsToParquetHandler(store: ObjectStore): S3ObjectHandler {
  return s3ObjectHandler({
    filter: { prefix: 'raw/', suffix: '.csv' },
    process: async ({ key }) => {
      await writeEventsDataset(store, key);
    },
    onReject: (rejection) => console.log(JSON.stringify({ quarantine: rejection })),
  });
}

let configured: Promise<S3ObjectHandler> | undefined;

/**
 * The Lambda entry point, on the bucket named by `EVENTS_BUCKET`.
 *
 * @example // CDK: bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: 'raw/', suffix: '.csv' })
 */
export const handler: S3ObjectHandler = async (event) => {
  configured ??= storeFromEnvironment().then(eventsToParquetHandler);
  return (await configured)(event);
};
