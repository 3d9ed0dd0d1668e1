/** Thrown when an S3 request fails for a reason other than a missing key; `cause` is the SDK error. */
export class S3RequestError extends Error {
  override readonly name = 'S3RequestError';
  constructor(
    readonly operation: string,
    readonly location: string,
    cause: unknown,
  ) {
    super(`S3 ${operation} of ${location} failed: ${describeCause(cause)}`, { cause });
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const status = (cause as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined ? cause.message : `${cause.name} (HTTP ${status}): ${cause.message}`;
}

/**
 * Thrown when a multipart upload failed and aborting it failed too. No object appeared, but the
 * uploaded parts are kept (and billed) until a bucket lifecycle rule `AbortIncompleteMultipartUpload`
 * removes them. `cause` is the upload's own failure.
 */
export class MultipartAbortError extends Error {
  override readonly name = 'MultipartAbortError';
  constructor(
    readonly location: string,
    readonly uploadId: string,
    cause: unknown,
    readonly abortError: unknown,
  ) {
    super(
      `multipart upload ${uploadId} of ${location} failed (${describeCause(cause)}) and could not be ` +
        `aborted (${describeCause(abortError)}); its parts remain until a lifecycle rule removes them`,
      { cause },
    );
  }
}
