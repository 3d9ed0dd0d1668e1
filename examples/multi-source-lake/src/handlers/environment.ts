import type { ObjectStore } from '@sluice/core/storage';
import { LocalObjectStore } from '@sluice/core/storage';

/**
 * The lake's store from the environment: S3 when `LAKE_BUCKET` is set (on AWS), else a local
 * directory `LAKE_DIR` (default `./multi-source-data-lake`). The S3 backend is imported only when used.
 *
 * @example const store = await storeFromEnvironment(); // S3ObjectStore on Lambda
 */
export async function storeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<ObjectStore> {
  const bucket = env.LAKE_BUCKET;
  if (!bucket) return new LocalObjectStore(env.LAKE_DIR ?? './multi-source-data-lake');
  const { S3ObjectStore } = await import('@sluice/sinks/s3');
  return new S3ObjectStore({ bucket });
}
