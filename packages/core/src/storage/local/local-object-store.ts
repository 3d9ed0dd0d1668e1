import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectNotFoundError } from '../errors.js';
import { assertObjectKey, pageAfter } from '../keys.js';
import type {
  ListOptions,
  ListPage,
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  PutOptions,
} from '../object-store.js';

/** Folder under the root where writes are staged before their atomic rename; never listed. */
const STAGING = '.sluice-staging';

/**
 * An ObjectStore over a local directory: the embedded stand-in for S3. Keys map to paths under
 * `root`; `put` writes a staging file and renames it into place, so readers never see a partial
 * object and a failed write leaves nothing behind.
 *
 * @example
 * const store = new LocalObjectStore('out/demo/bucket');
 * await store.put('processed/orders.csv', csvChunks);
 * for await (const chunk of await store.get('processed/orders.csv')) process.stdout.write(chunk);
 */
export class LocalObjectStore implements ObjectStore {
  constructor(readonly root: string) {}

  async get(key: string, options: { signal?: AbortSignal } = {}): Promise<AsyncIterable<Uint8Array>> {
    assertObjectKey(key);
    const handle = await open(this.#path(key), 'r').catch((error: unknown) => {
      throw isMissing(error) ? new ObjectNotFoundError(key) : error;
    });
    return handle.createReadStream({
      highWaterMark: 65_536,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    assertObjectKey(key);
    const staging = join(this.root, STAGING, `${randomUUID()}.part`);
    await mkdir(dirname(staging), { recursive: true });
    const out = createWriteStream(staging);
    try {
      await pipeline(toReadable(body), out, { ...(options.signal ? { signal: options.signal } : {}) });
      await mkdir(dirname(this.#path(key)), { recursive: true });
      await rename(staging, this.#path(key));
    } catch (error) {
      // The file may still be opening when the source fails; remove it only once it is closed.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(staging, { force: true });
      throw error;
    }
    return (await this.head(key)) as ObjectInfo;
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const keys = (await this.#walk(join(this.root, folder))).filter((key) => key.startsWith(prefix)).sort();
    const page = pageAfter(
      keys.map((key) => ({ key })),
      options.cursor,
      options.limit ?? 1000,
    );
    const objects = await Promise.all(page.objects.map(({ key }) => this.head(key)));
    return { ...page, objects: objects.filter((info): info is ObjectInfo => info !== undefined) };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertObjectKey(key);
    const info = await stat(this.#path(key)).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (!info?.isFile()) return undefined;
    return { key, size: info.size, lastModified: info.mtime };
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await rm(this.#path(key), { force: true });
  }

  #path(key: string): string {
    return join(this.root, ...key.split('/'));
  }

  async #walk(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
      (error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      },
    );
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((key) => !key.startsWith(`${STAGING}/`));
  }
}

function toReadable(body: ObjectBody): Readable {
  if (typeof body === 'string' || body instanceof Uint8Array) return Readable.from([Buffer.from(body)]);
  return Readable.from(body);
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
