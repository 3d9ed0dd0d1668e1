import type { Readable } from 'node:stream';
import { AbortMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { MultipartAbortError } from './errors.js';

export interface UploadRequest {
  bucket: string;
  key: string;
  body: Uint8Array | string | Readable;
  contentType?: string;
  signal?: AbortSignal;
  partSize?: number;
  queueSize?: number;
}

/**
 * Uploads a body (multipart when larger than one part). On any failure the multipart upload is
 * aborted here rather than by lib-storage, so the caller always sees the original failure, with the
 * abort's own failure attached if there is one.
 */
export async function uploadObject(client: S3Client, request: UploadRequest): Promise<{ ETag?: string }> {
  const abortController = new AbortController();
  const abort = () => abortController.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', abort, { once: true });
  const upload = new Upload({
    client,
    params: {
      Bucket: request.bucket,
      Key: request.key,
      Body: request.body,
      ContentType: request.contentType,
    },
    leavePartsOnError: true,
    abortController,
    ...(request.partSize ? { partSize: request.partSize } : {}),
    ...(request.queueSize ? { queueSize: request.queueSize } : {}),
  });
  try {
    return await upload.done();
  } catch (error) {
    throw await abandon(client, request, upload.uploadId, error);
  } finally {
    request.signal?.removeEventListener('abort', abort);
  }
}

async function abandon(
  client: S3Client,
  request: UploadRequest,
  uploadId: string | undefined,
  error: unknown,
) {
  if (!uploadId) return error;
  const input = { Bucket: request.bucket, Key: request.key, UploadId: uploadId };
  try {
    await client.send(new AbortMultipartUploadCommand(input));
    return error;
  } catch (abortError) {
    return new MultipartAbortError(`s3://${request.bucket}/${request.key}`, uploadId, error, abortError);
  }
}
