import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readBytes } from '@sluice/core';
import { describeObjectStoreContract } from '@sluice/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningS3rver, startS3rver } from '../testing/s3rver.js';
import { S3ObjectStore } from './s3-object-store.js';

let s3: RunningS3rver;
let run = 0;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3.stop());

// Each contract test gets its own prefix in the shared bucket, so tests start from an empty store.
describeObjectStoreContract('S3ObjectStore on s3rver', async () => ({
  store: new S3ObjectStore({ bucket: s3.bucket, prefix: `contract-${++run}/`, client: s3.clientConfig }),
}));

describe('S3ObjectStore', () => {
  const store = () => new S3ObjectStore({ bucket: s3.bucket, prefix: 'unit/', client: s3.clientConfig });

  it('round-trips all 256 byte values exactly (no aws-chunked framing in the body)', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await store().put('bytes/all.bin', bytes);
    expect(Buffer.compare(await readBytes(store(), 'bytes/all.bin'), bytes)).toBe(0);
  });

  it('round-trips a multi-part streamed object byte for byte', async () => {
    const part = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 31) % 256);
    const expected = Buffer.concat(Array.from({ length: 12 }, () => part));
    await store().put('bytes/big.bin', streamOf(part, 12));
    const read = await readBytes(store(), 'bytes/big.bin');
    expect(read.byteLength).toBe(expected.byteLength);
    expect(Buffer.compare(read, expected)).toBe(0);
  });

  it('leaves no object when the source fails after the first parts were uploaded', async () => {
    const failing = (async function* () {
      yield* streamOf(new Uint8Array(1 << 20).fill(9), 11);
      throw new Error('source broke after 11 MiB');
    })();
    // s3rver implements no AbortMultipartUpload; the error still names the source's failure first.
    await expect(store().put('aborted/partial.bin', failing)).rejects.toThrow('source broke after 11 MiB');
    expect((await store().list('aborted/')).objects).toEqual([]);
    expect(await store().head('aborted/partial.bin')).toBeUndefined();
  });

  it('lists keys relative to its prefix and reports their size', async () => {
    await store().put('listed/a.txt', 'abc');
    const page = await store().list('listed/');
    expect(page.objects.map(({ key, size }) => ({ key, size }))).toEqual([{ key: 'listed/a.txt', size: 3 }]);
  });

  it('keeps the content type given to put', async () => {
    await store().put('typed/report.json', '{}', { contentType: 'application/json' });
    expect((await store().head('typed/report.json'))?.contentType).toBe('application/json');
  });

  it('gives clients emulator settings that store streamed bodies without aws-chunked framing', async () => {
    const client = new S3Client(s3.clientConfig);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const Body = Readable.from([Buffer.from(bytes)]);
    await client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'raw/stream.bin', Body, ContentLength: 256 }),
    );
    const output = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'raw/stream.bin' }));
    expect(Buffer.compare(await (output.Body as StreamingBlob).transformToByteArray(), bytes)).toBe(0);
  });

  it('creates its client only when first used', () => {
    expect(() => new S3ObjectStore({ bucket: 'b', client: { region: 'nowhere-1' } })).not.toThrow();
  });
});

type StreamingBlob = { transformToByteArray(): Promise<Uint8Array> };

async function* streamOf(chunk: Uint8Array, times: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < times; i++) yield chunk;
}
