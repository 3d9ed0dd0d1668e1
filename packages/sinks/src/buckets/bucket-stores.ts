import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';
import type { ObjectStore } from '@sluice/core/storage';

/** A store, or how to open the store of the bucket an event names. */
export type BucketStore = ObjectStore | ((bucket: string) => ObjectStore | Promise<ObjectStore>);

/**
 * Resolves the store for the bucket an S3 event names: the injected one (a LocalObjectStore in a
 * local run, a MemoryObjectStore in tests) or, on AWS, one S3ObjectStore per bucket, opened on first
 * use. The S3 module is imported only then, so local runs never load the AWS SDK.
 *
 * @example
 * const storeFor = bucketStores(deps.store); // in a handler factory
 * const store = await storeFor(record.bucket);
 */
export function bucketStores(store?: BucketStore): (bucket: string) => Promise<ObjectStore> {
  if (store !== undefined) return async (bucket) => (typeof store === 'function' ? store(bucket) : store);
  const opened = new Map<string, Promise<ObjectStore>>();
  return (bucket) => {
    let known = opened.get(bucket);
    if (!known) {
      known = import('../s3/index.js').then(({ S3ObjectStore }) => new S3ObjectStore({ bucket }));
      opened.set(bucket, known);
    }
    return known;
  };
}

/**
 * The store of the bucket a handler's environment names in `variable` (an S3ObjectStore, its module
 * loaded only now), or a `ConfigurationError` naming the variable when it is unset: there is no
 * local-folder fallback, since a deployed handler writing to a Lambda's disk would lose its writes
 * (a local run injects its store instead).
 *
 * @example const store = deps.store ?? (await bucketStoreFromEnvironment('EVENTS_BUCKET'));
 */
export async function bucketStoreFromEnvironment(
  variable: string,
  env: EnvironmentVariables = process.env,
): Promise<ObjectStore> {
  return bucketStores()(handlerEnvironment(env).required(variable));
}
