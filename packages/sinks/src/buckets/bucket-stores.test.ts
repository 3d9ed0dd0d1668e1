import { ConfigurationError } from '@sluice/core/lambda';
import { MemoryObjectStore } from '@sluice/core/storage';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../s3/index.js';
import { bucketStoreFromEnvironment, bucketStores } from './bucket-stores.js';

describe('bucketStores', () => {
  it('hands out the injected store whatever the bucket', async () => {
    const store = new MemoryObjectStore();
    const storeFor = bucketStores(store);
    expect(await storeFor('a')).toBe(store);
    expect(await storeFor('b')).toBe(store);
  });

  it('asks an injected opener for each bucket', async () => {
    const asked: string[] = [];
    const storeFor = bucketStores((bucket) => {
      asked.push(bucket);
      return new MemoryObjectStore();
    });
    await storeFor('orders');
    await storeFor('events');
    expect(asked).toEqual(['orders', 'events']);
  });

  it('opens one S3ObjectStore per bucket by default, reused across events', async () => {
    const storeFor = bucketStores();
    const [first, again] = await Promise.all([storeFor('orders'), storeFor('orders')]);
    expect(first).toBeInstanceOf(S3ObjectStore);
    expect(again).toBe(first);
    expect(await storeFor('events')).not.toBe(first);
  });
});

describe('bucketStoreFromEnvironment', () => {
  it('opens the S3 bucket the variable names', async () => {
    const store = await bucketStoreFromEnvironment('EVENTS_BUCKET', { EVENTS_BUCKET: 'the-bucket' });
    expect(store).toBeInstanceOf(S3ObjectStore);
  });

  it('refuses an unset or blank variable, naming it, with no local-folder fallback', async () => {
    for (const env of [{}, { EVENTS_BUCKET: ' ' }, { EVENTS_DIR: '/tmp/x' }]) {
      const failure = bucketStoreFromEnvironment('EVENTS_BUCKET', env);
      await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
      await expect(failure).rejects.toThrow(/EVENTS_BUCKET/);
    }
  });
});
