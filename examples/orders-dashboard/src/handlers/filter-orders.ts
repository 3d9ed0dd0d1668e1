import { CsvHeaderError, encodeJsonLines } from '@sluice/core/codecs';
import { type LambdaContext, type S3ObjectHandler, s3ObjectHandler } from '@sluice/core/lambda';
import { type RunReport, rejected } from '@sluice/core/outcome';
import { s3PutEvent } from '@sluice/core/runner';
import { ObjectNotFoundError } from '@sluice/core/storage';
import { type BucketStore, bucketStores } from '@sluice/sinks/buckets';
import { OrderColumnNotFoundError } from '@sluice/transforms/orders';
import { filterConfigFromEnv } from '../config.js';
import { UnexpectedColumnsError } from '../errors.js';
import { filterOrdersObject, type OrdersObjectResult } from '../filter-orders-object.js';
import { orderOutputKeys, RAW_ORDERS } from '../object-keys.js';

/** What the handler needs from its environment; every field has an AWS default. */
export interface FilterOrdersHandlerDeps {
  /** Default: an S3ObjectStore for the event's bucket. */
  store?: BucketStore;
  /** `ORDERS_AS_OF`, `ORDERS_MAX_AGE_DAYS`, `ORDERS_TIME_ZONE`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Clock for the default `asOf` (today) and timings. Default `Date.now`. */
  now?: () => number;
  /** Receives each processed object's result (the local runner collects them). */
  onResult?: (result: OrdersObjectResult) => void;
  /** Where the invocation's account is logged. Default `console.log` (CloudWatch on AWS). */
  log?: (line: string) => void;
}

/**
 * The S3 put handler of seed 000: each CSV put under `raw/` (any case of `.csv`, not `rawdata/`)
 * is filtered into `processed/`, `processed-parquet/`, `quarantine/` and `reports/`. An object that
 * cannot be read as orders at all (no header, no status or date column, columns other than the
 * processed table's) is quarantined whole at
 * line 0; any other failure throws so Lambda retries the event, which rewrites the same outputs.
 *
 * @example
 * const handler = filterOrdersHandler({ store: new LocalObjectStore('bucket'), env: { ORDERS_AS_OF: '2025-06-30' } });
 * await handler(s3PutEvent('orders-bucket', 'raw/orders.csv')); // s3PutEvent from @sluice/core/testing
 */
export function filterOrdersHandler(deps: FilterOrdersHandlerDeps = {}): S3ObjectHandler {
  const config = filterConfigFromEnv(deps.env ?? process.env);
  const storeFor = bucketStores(deps.store);
  const log = deps.log ?? console.log;
  return s3ObjectHandler({
    filter: RAW_ORDERS,
    ...(deps.now && { now: deps.now }),
    process: async ({ bucket, key }) => {
      const options = { ...config, ...(deps.now && { now: deps.now }), source: `s3://${bucket}/${key}` };
      try {
        const result = await filterOrdersObject(await storeFor(bucket), key, options);
        deps.onResult?.(result);
      } catch (error) {
        if (!isUnreadableObject(error)) throw error;
        return rejected('unreadable-object', (error as Error).message);
      }
    },
    onReject: async (rejection, { bucket, key }) => {
      await (await storeFor(bucket)).put(orderOutputKeys(key).quarantine, encodeJsonLines([rejection]));
    },
    onReport: (report: RunReport) => log(JSON.stringify({ report })),
  });
}

/** Failures that no retry can fix: the object is not an orders CSV, or it is gone. */
function isUnreadableObject(error: unknown): boolean {
  return (
    error instanceof OrderColumnNotFoundError ||
    error instanceof CsvHeaderError ||
    error instanceof UnexpectedColumnsError ||
    error instanceof ObjectNotFoundError
  );
}

let configured: S3ObjectHandler | undefined;

/** The Lambda entry point: configured from the environment at the first event, writing to the event's bucket. */
export const handler: S3ObjectHandler = (event, context) => {
  configured ??= filterOrdersHandler();
  return configured(event, context);
};

/** One object of the backfill's `raw/` listing: the item the Distributed Map hands each invocation. */
export interface BackfillItem {
  bucket: string;
  /** The key as stored (a listing's key), not URL-encoded as in an S3 event. */
  key: string;
  size?: number;
}

/**
 * The backfill's entry point (Step Functions Distributed Map over `raw/`): runs the put handler on
 * the event S3 would have sent for the listed object, so both paths share one rule and one output.
 */
export const backfillHandler = (item: BackfillItem, context?: LambdaContext): Promise<void> =>
  handler(s3PutEvent(item.bucket, { key: item.key, size: item.size ?? 0 }), context);
