/** Metadata of one stored object. */
export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
  etag?: string;
  contentType?: string;
}

/** Bytes to store: a whole buffer, a string (UTF-8) or a stream of chunks. */
export type ObjectBody = Uint8Array | string | AsyncIterable<Uint8Array>;

export interface PutOptions {
  contentType?: string;
  signal?: AbortSignal;
}

export interface ListOptions {
  /** Opaque cursor returned by the previous page. */
  cursor?: string;
  /** Page size; backends may return fewer. Default 1000. */
  limit?: number;
}

export interface ListPage {
  objects: ObjectInfo[];
  /** Present when more objects follow. */
  cursor?: string;
}

/**
 * The object storage the pipelines use: a directory, memory, or S3.
 * Keys are `/`-separated; `put` is atomic (a reader never sees a partial object);
 * `get` and `head` of a missing key throw {@link ObjectNotFoundError} / return undefined.
 */
export interface ObjectStore {
  get(key: string, options?: { signal?: AbortSignal }): Promise<AsyncIterable<Uint8Array>>;
  put(key: string, body: ObjectBody, options?: PutOptions): Promise<ObjectInfo>;
  list(prefix: string, options?: ListOptions): Promise<ListPage>;
  head(key: string): Promise<ObjectInfo | undefined>;
  delete(key: string): Promise<void>;
}

export { ObjectNotFoundError } from './errors.js';

/**
 * Every object under a prefix, page after page.
 *
 * @example
 * for await (const object of listAll(store, 'raw/')) console.log(object.key);
 */
export async function* listAll(store: ObjectStore, prefix: string): AsyncGenerator<ObjectInfo> {
  let cursor: string | undefined;
  do {
    const page = await store.list(prefix, cursor ? { cursor } : {});
    yield* page.objects;
    cursor = page.cursor;
  } while (cursor);
}

/** Reads a whole object into memory; for small objects (reports, fixtures) only. */
export async function readBytes(store: ObjectStore, key: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await store.get(key)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads a whole object as UTF-8 text; for small objects only. */
export async function readText(store: ObjectStore, key: string): Promise<string> {
  return Buffer.from(await readBytes(store, key)).toString('utf8');
}
