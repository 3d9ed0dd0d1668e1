import { ObjectNotFoundError } from '../errors.js';
import { assertObjectKey, collectBody, pageAfter } from '../keys.js';
import type * as port from '../object-store.js';

interface StoredObject {
  info: port.ObjectInfo;
  bytes: Uint8Array;
}

/**
 * An ObjectStore in memory, for tests and small local runs. `put` stores the object only once the
 * whole body has been read, so a failing stream leaves nothing behind.
 *
 * @example
 * const store = new MemoryObjectStore();
 * await store.put('raw/orders.csv', 'orderid,status\n1,pending\n');
 */
export class MemoryObjectStore implements port.ObjectStore {
  readonly #objects = new Map<string, StoredObject>();

  async get(key: string): Promise<AsyncIterable<Uint8Array>> {
    const object = this.#objects.get(key);
    if (!object) throw new ObjectNotFoundError(key);
    return chunksOf(object.bytes);
  }

  async put(key: string, body: port.ObjectBody, options: port.PutOptions = {}): Promise<port.ObjectInfo> {
    assertObjectKey(key);
    const bytes = await collectBody(body);
    options.signal?.throwIfAborted();
    const info: port.ObjectInfo = { key, size: bytes.byteLength, lastModified: new Date() };
    if (options.contentType) info.contentType = options.contentType;
    this.#objects.set(key, { info, bytes: Uint8Array.from(bytes) });
    return { ...info };
  }

  async list(prefix: string, options: port.ListOptions = {}): Promise<port.ListPage> {
    const matching = [...this.#objects.values()]
      .map((object) => object.info)
      .filter((info) => info.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return pageAfter(matching, options.cursor, options.limit ?? 1000);
  }

  async head(key: string): Promise<port.ObjectInfo | undefined> {
    const object = this.#objects.get(key);
    return object ? { ...object.info } : undefined;
  }

  async delete(key: string): Promise<void> {
    this.#objects.delete(key);
  }
}

// Hands out copies in 64 KiB slices so callers see streaming behaviour and cannot mutate the store.
async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += 65_536) {
    yield bytes.slice(offset, offset + 65_536);
  }
}
