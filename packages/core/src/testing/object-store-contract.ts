import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError } from '../storage/errors.js';
import { listAll, type ObjectStore, readBytes, readText } from '../storage/object-store.js';

/** What a backend's test provides: a fresh, empty store and a way to clean it up. */
export interface ObjectStoreFixture {
  store: ObjectStore;
  cleanup?: () => Promise<void>;
}

/**
 * The behaviour every ObjectStore backend must show. Run it from a backend's own test file:
 *
 * @example
 * describeObjectStoreContract('LocalObjectStore', async () => ({ store: new LocalObjectStore(await mkdtemp(dir)) }));
 */
export function describeObjectStoreContract(
  name: string,
  createFixture: () => Promise<ObjectStoreFixture>,
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    const withStore = (test: (store: ObjectStore) => Promise<void>) => async () => {
      const fixture = await createFixture();
      try {
        await test(fixture.store);
      } finally {
        await fixture.cleanup?.();
      }
    };

    const behaviours: [string, (store: ObjectStore) => Promise<void>][] = [
      ['stores strings, bytes and streams and reads them back', roundTrips],
      ['keeps every byte value intact', keepsBinary],
      ['streams a large object in several chunks', streamsLargeObjects],
      ['overwrites an existing key', overwrites],
      ['reports size in head and undefined for a missing key', heads],
      ['throws ObjectNotFoundError when getting a missing key', missingGet],
      ['lists by prefix without matching a longer sibling', listsByPrefix],
      ['paginates lists with a cursor, in key order', paginates],
      ['deletes, and deleting a missing key is a no-op', deletes],
      ['leaves no object behind when a streamed put fails', putIsAtomic],
      ['keeps the previous object when a streamed overwrite fails', overwriteIsAtomic],
      ['stores an empty object', storesEmpty],
    ];
    for (const [behaviour, test] of behaviours) it(behaviour, withStore(test));
  });
}

async function roundTrips(store: ObjectStore) {
  await store.put('a/text.txt', 'héllo');
  await store.put('a/bytes.bin', new Uint8Array([1, 2, 3]));
  await store.put('a/stream.txt', chunks(['one,', 'two,', 'three']));
  expect(await readText(store, 'a/text.txt')).toBe('héllo');
  expect([...(await readBytes(store, 'a/bytes.bin'))]).toEqual([1, 2, 3]);
  expect(await readText(store, 'a/stream.txt')).toBe('one,two,three');
}

async function keepsBinary(store: ObjectStore) {
  const bytes = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);
  await store.put('bin/all-bytes', bytes);
  expect(Buffer.compare(await readBytes(store, 'bin/all-bytes'), bytes)).toBe(0);
}

async function streamsLargeObjects(store: ObjectStore) {
  const piece = new Uint8Array(1 << 20).fill(7);
  await store.put(
    'big/object',
    (async function* () {
      for (let i = 0; i < 8; i++) yield piece;
    })(),
  );
  let total = 0;
  let pieces = 0;
  for await (const chunk of await store.get('big/object')) {
    total += chunk.byteLength;
    pieces += 1;
  }
  expect(total).toBe(8 << 20);
  expect(pieces).toBeGreaterThan(1);
}

async function overwrites(store: ObjectStore) {
  await store.put('k/v', 'first');
  await store.put('k/v', 'second');
  expect(await readText(store, 'k/v')).toBe('second');
}

async function heads(store: ObjectStore) {
  await store.put('h/five', '12345');
  expect((await store.head('h/five'))?.size).toBe(5);
  expect(await store.head('h/missing')).toBeUndefined();
}

async function missingGet(store: ObjectStore) {
  await expect(store.get('nope/missing.csv')).rejects.toBeInstanceOf(ObjectNotFoundError);
}

async function listsByPrefix(store: ObjectStore) {
  await store.put('raw/orders.csv', 'x');
  await store.put('raw/nested/more.csv', 'x');
  await store.put('rawdata/other.csv', 'x');
  const keys = (await store.list('raw/')).objects.map((o) => o.key);
  expect(keys).toEqual(['raw/nested/more.csv', 'raw/orders.csv']);
  expect((await store.list('raw/or')).objects.map((o) => o.key)).toEqual(['raw/orders.csv']);
}

async function paginates(store: ObjectStore) {
  const keys = Array.from({ length: 25 }, (_, i) => `p/${String(i).padStart(3, '0')}.json`);
  for (const key of [...keys].reverse()) await store.put(key, key);
  const first = await store.list('p/', { limit: 10 });
  expect(first.objects.map((o) => o.key)).toEqual(keys.slice(0, 10));
  expect(first.cursor).toBeDefined();
  const all: string[] = [];
  for await (const object of listAll(store, 'p/')) all.push(object.key);
  expect(all).toEqual(keys);
}

async function deletes(store: ObjectStore) {
  await store.put('d/x', 'x');
  await store.delete('d/x');
  expect(await store.head('d/x')).toBeUndefined();
  await expect(store.delete('d/never-there')).resolves.toBeUndefined();
}

async function putIsAtomic(store: ObjectStore) {
  const failing = (async function* () {
    yield new Uint8Array(1 << 16).fill(1);
    throw new Error('source broke midway');
  })();
  await expect(store.put('atomic/partial.bin', failing)).rejects.toThrow('source broke midway');
  expect(await store.head('atomic/partial.bin')).toBeUndefined();
  expect((await store.list('')).objects.map((o) => o.key)).not.toContain('atomic/partial.bin');
}

async function overwriteIsAtomic(store: ObjectStore) {
  await store.put('atomic/report.json', '{"version":1}');
  const failing = (async function* () {
    yield Buffer.from('{"version":2,');
    throw new Error('source broke midway');
  })();
  await expect(store.put('atomic/report.json', failing)).rejects.toThrow('source broke midway');
  expect(await readText(store, 'atomic/report.json')).toBe('{"version":1}');
}

async function storesEmpty(store: ObjectStore) {
  await store.put('e/empty', '');
  expect((await store.head('e/empty'))?.size).toBe(0);
  expect(await readText(store, 'e/empty')).toBe('');
}

async function* chunks(parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}
