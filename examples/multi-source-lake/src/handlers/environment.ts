import type { EnvironmentVariables } from '@sluice/core/lambda';
import type { ObjectStore } from '@sluice/core/storage';
import { bucketStoreFromEnvironment } from '@sluice/sinks/buckets';

/**
 * The lake's store on Lambda: the S3 bucket `LAKE_BUCKET`, or a `ConfigurationError` naming it (a
 * local run hands the handlers its store instead).
 *
 * @example const store = await storeFromEnvironment(); // S3ObjectStore on Lambda
 */
export function storeFromEnvironment(env: EnvironmentVariables = process.env): Promise<ObjectStore> {
  return bucketStoreFromEnvironment('LAKE_BUCKET', env);
}
