import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { S3ObjectStore } from './s3-object-store.js';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const store = () =>
  new S3ObjectStore({ bucket: 'lake', prefix: 'p/', client: new S3Client({ region: 'eu-west-1' }) });

async function* failingAfter(parts: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < parts; i++) yield new Uint8Array(5 << 20);
  throw new Error('source broke midway');
}

describe('S3ObjectStore multipart put', () => {
  it('aborts the multipart upload it started when the source fails', async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
    s3.on(UploadPartCommand).resolves({ ETag: '"e"' });
    s3.on(AbortMultipartUploadCommand).resolves({});
    await expect(store().put('big.bin', failingAfter(2))).rejects.toThrow('source broke midway');
    const aborts = s3.commandCalls(AbortMultipartUploadCommand).map((call) => call.args[0].input);
    expect(aborts).toEqual([{ Bucket: 'lake', Key: 'p/big.bin', UploadId: 'upload-1' }]);
  });

  it('reports both failures when the abort fails too', async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-2' });
    s3.on(UploadPartCommand).resolves({ ETag: '"e"' });
    s3.on(AbortMultipartUploadCommand).rejects(new Error('access denied'));
    const failure = store().put('big.bin', failingAfter(2));
    await expect(failure).rejects.toMatchObject({ name: 'MultipartAbortError', uploadId: 'upload-2' });
    await expect(failure).rejects.toThrow(/source broke midway.*access denied/);
  });
});
