import { Readable } from 'node:stream';
import {
  type _Object,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type RetryOptions, retry } from '@sluice/core/retry';
import {
  assertObjectKey,
  type ListOptions,
  type ListPage,
  type ObjectBody,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStore,
  type PutOptions,
} from '@sluice/core/storage';
import { MultipartAbortError, S3RequestError } from './errors.js';
import { bodyChunks, isMissingKey, lazyClient, type S3ClientSource, uploadBody } from './s3-client.js';
import { uploadObject } from './s3-upload.js';

export interface S3ObjectStoreOptions {
  bucket: string;
  /** Keys of this store live under this prefix (e.g. `lake/`); listed keys are returned without it. */
  prefix?: string;
  /** A ready `S3Client`, or a client config; the client is created on first use. */
  client?: S3ClientSource;
  /** Multipart part size in bytes; S3's minimum (and the default) is 5 MiB. */
  partSize?: number;
  /** Parts uploaded in parallel. Memory held by a put is about `partSize × queueSize`. Default 4. */
  queueSize?: number;
  /** Backoff for idempotent requests (get, head, list, delete, byte puts). */
  retry?: RetryOptions;
}

/**
 * An {@link ObjectStore} on S3: streamed gets, multipart puts that are aborted on failure (so no
 * partial object ever appears), paginated lists.
 *
 * @example
 * const store = new S3ObjectStore({ bucket: 'my-lake', prefix: 'orders/', client: { region: 'eu-west-1' } });
 * await store.put('processed/orders.csv', csvBytes, { contentType: 'text/csv' });
 * for await (const chunk of await store.get('processed/orders.csv')) process(chunk);
 */
export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  readonly prefix: string;
  readonly #client: () => S3Client;
  readonly #options: S3ObjectStoreOptions;
  readonly #uploadSettings: { bucket: string; partSize?: number; queueSize?: number };

  constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.#client = lazyClient(options.client);
    this.#options = options;
    const { bucket, partSize, queueSize } = options;
    this.#uploadSettings = { bucket, ...(partSize ? { partSize } : {}), ...(queueSize ? { queueSize } : {}) };
  }

  async get(key: string, options: { signal?: AbortSignal } = {}): Promise<AsyncIterable<Uint8Array>> {
    const input = { Bucket: this.bucket, Key: this.#fullKey(key) };
    const abortSignal = options.signal;
    const output = await this.#request('get', key, () =>
      this.#client().send(new GetObjectCommand(input), abortSignal ? { abortSignal } : {}),
    );
    return bodyChunks(output.Body);
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    const upload = uploadBody(body);
    const request = { ...this.#uploadSettings, key: this.#fullKey(key), body: upload.body, ...options };
    const send = () => uploadObject(this.#client(), request);
    // A stream can be read once, so only whole buffers are retried here; lib-storage retries parts.
    const result =
      upload.body instanceof Readable
        ? await this.#wrap('put', key, send)
        : await this.#request('put', key, send);
    return {
      key,
      size: upload.size(),
      // S3's upload responses carry no Last-Modified; asking for it would cost a HEAD per put.
      lastModified: new Date(),
      ...(result.ETag ? { etag: result.ETag } : {}),
      ...(options.contentType ? { contentType: options.contentType } : {}),
    };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    const input = {
      Bucket: this.bucket,
      Prefix: this.prefix + prefix,
      MaxKeys: options.limit ?? 1000,
      ...(options.cursor ? { ContinuationToken: options.cursor } : {}),
    };
    const output = await this.#request('list', prefix, () =>
      this.#client().send(new ListObjectsV2Command(input)),
    );
    const objects = (output.Contents ?? []).map((object) => this.#info(object));
    const cursor = output.IsTruncated ? output.NextContinuationToken : undefined;
    return cursor ? { objects, cursor } : { objects };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const input = { Bucket: this.bucket, Key: this.#fullKey(key) };
    try {
      const output = await this.#request('head', key, () =>
        this.#client().send(new HeadObjectCommand(input)),
      );
      return {
        key,
        size: output.ContentLength ?? 0,
        lastModified: output.LastModified ?? new Date(0),
        ...(output.ETag ? { etag: output.ETag } : {}),
        ...(output.ContentType ? { contentType: output.ContentType } : {}),
      };
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const input = { Bucket: this.bucket, Key: this.#fullKey(key) };
    await this.#request('delete', key, () => this.#client().send(new DeleteObjectCommand(input)));
  }

  #request<T>(operation: string, key: string, send: () => Promise<T>): Promise<T> {
    return this.#wrap(operation, key, () => retry(send, this.#options.retry));
  }

  async #wrap<T>(operation: string, key: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof MultipartAbortError) throw error;
      if (isMissingKey(error) && operation !== 'list') throw new ObjectNotFoundError(key);
      throw new S3RequestError(operation, `s3://${this.bucket}/${this.prefix}${key}`, error);
    }
  }

  #fullKey(key: string): string {
    assertObjectKey(key);
    return this.prefix + key;
  }

  #info(object: _Object): ObjectInfo {
    return {
      key: (object.Key ?? '').slice(this.prefix.length),
      size: object.Size ?? 0,
      lastModified: object.LastModified ?? new Date(0),
      ...(object.ETag ? { etag: object.ETag } : {}),
    };
  }
}
