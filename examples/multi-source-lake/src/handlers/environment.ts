import type { ObjectStore } from '@sluice/core/storage';
import { LocalObjectStore } from '@sluice/core/storage';
import { LakeConfigError } from '../errors.js';

/**
 * The lake's store from the environment: S3 when `LAKE_BUCKET` is set, else a local directory
 * `LAKE_DIR` (default `./multi-source-data-lake`). On Lambda (`AWS_LAMBDA_FUNCTION_NAME` set) a
 * missing `LAKE_BUCKET` throws `LakeConfigError`, since a local folder there would lose the writes.
 * The S3 backend is imported only when used.
 *
 * @example const store = await storeFromEnvironment(); // S3ObjectStore on Lambda
 */
export async function storeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<ObjectStore> {
  const bucket = env.LAKE_BUCKET?.trim();
  if (!bucket) {
    if (env.AWS_LAMBDA_FUNCTION_NAME) throw new LakeConfigError('LAKE_BUCKET', 'is required on Lambda');
    return new LocalObjectStore(env.LAKE_DIR ?? './multi-source-data-lake');
  }
  const { S3ObjectStore } = await import('@sluice/sinks/s3');
  return new S3ObjectStore({ bucket });
}
