import { describe, expect, it } from 'vitest';
import type { S3Event } from '../lambda/s3-event.js';
import { parseS3Event } from '../lambda/s3-event.js';
import { MemoryObjectStore } from '../storage/memory/memory-object-store.js';
import { runS3Events } from './s3-event-source.js';

async function storeWith(keys: string[]): Promise<MemoryObjectStore> {
  const store = new MemoryObjectStore();
  for (const key of keys) await store.put(key, `body of ${key}`);
  return store;
}

describe('runS3Events', () => {
  it('hands the handler one put event per object under the prefix, keys encoded as S3 sends them', async () => {
    const store = await storeWith(['raw/b.csv', 'raw/my orders.csv', 'processed/x.csv']);
    const events: S3Event[] = [];
    const report = await runS3Events(store, (event) => void events.push(event), {
      bucket: 'orders',
      prefix: 'raw/',
    });
    expect(events.map((event) => event.Records.map((r) => r.s3.object.key))).toEqual([
      ['raw/b.csv'],
      ['raw/my+orders.csv'],
    ]);
    expect(
      events.flatMap((event) => parseS3Event(event)).map(({ bucket, key, size }) => [bucket, key, size]),
    ).toEqual([
      ['orders', 'raw/b.csv', 'body of raw/b.csv'.length],
      ['orders', 'raw/my orders.csv', 'body of raw/my orders.csv'.length],
    ]);
    expect(report).toEqual({
      objects: 2,
      invocations: 2,
      failedInvocations: 0,
      delivered: 2,
      deadLetters: [],
    });
  });

  it('retries a failed invocation as Lambda does, then dead-letters the object with the last error', async () => {
    const store = await storeWith(['raw/flaky.csv', 'raw/broken.csv']);
    const calls = new Map<string, number>();
    const report = await runS3Events(
      store,
      async (event) => {
        const key = event.Records[0]?.s3.object.key ?? '';
        calls.set(key, (calls.get(key) ?? 0) + 1);
        if (key === 'raw/broken.csv') throw new TypeError('not orders');
        if (calls.get(key) === 1) throw new Error('throttled');
      },
      { bucket: 'orders', maxRetryAttempts: 1 },
    );
    expect(report).toMatchObject({ objects: 2, invocations: 4, failedInvocations: 3, delivered: 1 });
    expect(report.deadLetters).toEqual([
      { key: 'raw/broken.csv', attempts: 2, error: 'TypeError: not orders' },
    ]);
  });
});
