import { Readable } from 'node:stream';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { ObjectBody } from '@sluice/core/storage';

/** A ready S3 client, or the configuration to create one when the store is first used. */
export type S3ClientSource = S3Client | S3ClientConfig;

/**
 * Returns a function that yields the client, creating it on first call so that importing or
 * constructing a store costs nothing (a Lambda cold start only pays for what it uses).
 */
export function lazyClient(source: S3ClientSource | undefined): () => S3Client {
  if (isClient(source)) return () => source;
  let client: S3Client | undefined;
  return () => {
    client ??= new S3Client(source ?? {});
    return client;
  };
}

function isClient(source: S3ClientSource | undefined): source is S3Client {
  return typeof (source as { send?: unknown } | undefined)?.send === 'function';
}

/** The upload body lib-storage accepts, plus a way to read how many bytes went through it. */
export function uploadBody(body: ObjectBody): { body: Uint8Array | string | Readable; size: () => number } {
  if (typeof body === 'string') return { body, size: () => Buffer.byteLength(body) };
  if (body instanceof Uint8Array) return { body, size: () => body.byteLength };
  let size = 0;
  async function* counted() {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      yield chunk;
    }
  }
  return { body: Readable.from(counted(), { objectMode: false }), size: () => size };
}

/** True for the SDK errors S3 returns for a key that does not exist (GET: NoSuchKey, HEAD: 404). */
export function isMissingKey(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The response body as chunks; in Node the SDK returns an IncomingMessage, already async iterable. */
export function bodyChunks(body: unknown): AsyncIterable<Uint8Array> {
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    return body as AsyncIterable<Uint8Array>;
  }
  const web = body as { transformToByteArray?: () => Promise<Uint8Array> } | undefined;
  return (async function* () {
    if (web?.transformToByteArray) yield await web.transformToByteArray();
  })();
}
