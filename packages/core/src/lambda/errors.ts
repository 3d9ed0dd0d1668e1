/**
 * Thrown when an event does not have the shape of the Lambda trigger it claims to come from, which
 * means the function is wired to the wrong trigger (a data problem would be a rejection instead).
 */
export class LambdaEventShapeError extends Error {
  override readonly name = 'LambdaEventShapeError';
  constructor(
    readonly source: string,
    readonly path: string,
    expected: string,
  ) {
    super(
      `${source} event: ${path} is missing or not ${expected}; is the function wired to a ${source} trigger?`,
    );
  }
}

/** Thrown when an S3 key in an event is not valid URL encoding (S3 itself never sends one). */
export class S3KeyDecodeError extends Error {
  override readonly name = 'S3KeyDecodeError';
  constructor(
    readonly rawKey: string,
    options: { cause: unknown },
  ) {
    super(`S3 event key "${rawKey}" is not valid URL encoding`, options);
  }
}

/**
 * Thrown by `s3ObjectHandler` after the whole event was processed when some objects asked for a
 * retry: S3 invokes Lambda asynchronously, so failing the invocation is the only way to get them
 * retried (Lambda retries the whole event; processing must therefore be idempotent).
 */
export class S3ObjectRetryError extends Error {
  override readonly name = 'S3ObjectRetryError';
  constructor(
    readonly keys: readonly string[],
    options: { cause?: unknown } = {},
  ) {
    super(`${keys.length} S3 object(s) failed and will be retried by Lambda: ${keys.join(', ')}`, options);
  }
}

/**
 * Lambda refuses a synchronous response larger than 6 MB, and Firehose then fails the whole batch:
 * lower the delivery stream's Lambda buffer size, or return smaller records.
 */
export class FirehoseResponseTooLargeError extends Error {
  override readonly name = 'FirehoseResponseTooLargeError';
  constructor(
    readonly invocationId: string,
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `Firehose invocation ${invocationId}: response is ${bytes} bytes, above Lambda's ${limitBytes}-byte limit; ` +
        'lower the Lambda buffer size of the delivery stream',
    );
  }
}

/** Firehose requires every input recordId to be answered exactly once; anything else fails the batch. */
export class FirehoseRecordMismatchError extends Error {
  override readonly name = 'FirehoseRecordMismatchError';
  constructor(
    readonly invocationId: string,
    readonly missing: readonly string[],
    readonly duplicated: readonly string[],
    readonly unknown: readonly string[],
  ) {
    super(
      `Firehose invocation ${invocationId}: every recordId must be answered exactly once; ` +
        `missing [${missing.join(', ')}], duplicated [${duplicated.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
}
