import { MemoryObjectStore } from '@sluice/core/storage';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../s3/index.js';
import { bucketStores } from './bucket-stores.js';

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
