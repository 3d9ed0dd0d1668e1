import type { ObjectStore } from '@sluice/core/storage';

/** A store, or how to open the store of the bucket an event names. */
export type BucketStore = ObjectStore | ((bucket: string) => ObjectStore | Promise<ObjectStore>);

/**
 * Resolves the store for a bucket: the injected one (a LocalObjectStore in the demo, a
 * MemoryObjectStore in tests) or, on AWS, an S3ObjectStore per bucket. The S3 module is imported
 * only then, so local runs never load the AWS SDK.
 *
 * @example const storeFor = bucketStores(new LocalObjectStore('out/ecommerce-events'));
 */
export function bucketStores(store?: BucketStore): (bucket: string) => Promise<ObjectStore> {
  if (store !== undefined) return async (bucket) => (typeof store === 'function' ? store(bucket) : store);
  const opened = new Map<string, ObjectStore>();
  return async (bucket) => {
    const known = opened.get(bucket);
    if (known) return known;
    const { S3ObjectStore } = await import('@sluice/sinks/s3');
    const created = new S3ObjectStore({ bucket });
    opened.set(bucket, created);
    return created;
  };
}
