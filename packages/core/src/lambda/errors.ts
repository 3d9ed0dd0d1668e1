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
 * Thrown by a record's `process` when retrying can never help (the input is invalid, the object is
 * gone): the handler rejects the record to `onReject` with `reason` and never retries it.
 *
 * @example throw new PermanentError('no-status-column', `${key} has no status column`);
 */
export class PermanentError extends Error {
  override readonly name: string = 'PermanentError';
  /** The duck-typed marker {@link classifyError} reads, so errors of other packages can carry it too. */
  readonly permanent = true;
  constructor(
    readonly reason: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** What an invocation handed back for redelivery: the records that failed, and those never started. */
export interface InvocationFailures {
  /** The ids (S3 keys, Firehose recordIds) of records that failed with a transient error. */
  failures: readonly { id: string; reason: string }[];
  /** The ids of records not started because the invocation was running out of time. */
  outOfTime: readonly string[];
}

/**
 * Thrown by `s3ObjectHandler` after the whole event was processed when some objects failed
 * transiently or were not started for lack of time: S3 invokes Lambda asynchronously, so failing the
 * invocation is the only way to get them retried (Lambda retries the whole event; processing must
 * therefore be idempotent). Objects that failed permanently were rejected instead and do not count.
 */
export class S3ObjectRetryError extends Error {
  override readonly name = 'S3ObjectRetryError';
  readonly keys: readonly string[];
  constructor(
    readonly invocation: InvocationFailures,
    options: { cause?: unknown } = {},
  ) {
    super(`S3 object(s) will be retried by Lambda: ${describeFailures(invocation)}`, options);
    this.keys = [...invocation.failures.map((failure) => failure.id), ...invocation.outOfTime];
  }
}

/**
 * Thrown by `firehoseTransformHandler` when records failed transiently or were not started for lack
 * of time. Firehose has no per-record retry (`ProcessingFailed` goes straight to the error prefix),
 * so the invocation fails and Firehose invokes it again with the whole batch, up to the delivery
 * stream's retry duration; the transform must therefore be pure or idempotent.
 */
export class FirehoseRetryError extends Error {
  override readonly name = 'FirehoseRetryError';
  constructor(
    readonly invocationId: string,
    readonly invocation: InvocationFailures,
    options: { cause?: unknown } = {},
  ) {
    super(
      `Firehose invocation ${invocationId} fails so Firehose retries the batch: ${describeFailures(invocation)}`,
      options,
    );
  }
}

function describeFailures({ failures, outOfTime }: InvocationFailures): string {
  const failed = failures.map((failure) => `${failure.id} (${failure.reason})`);
  const late = outOfTime.length ? [`not started for lack of time: ${outOfTime.join(', ')}`] : [];
  return [...failed, ...late].join('; ');
}

/** Thrown when a metric document would break the CloudWatch Embedded Metric Format rules. */
export class EmfValidationError extends Error {
  override readonly name = 'EmfValidationError';
  constructor(
    readonly namespace: string,
    problem: string,
  ) {
    super(`EMF metrics in namespace "${namespace}": ${problem}`);
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

/**
 * Thrown at cold start when an environment variable a handler reads is missing or holds a value it
 * cannot use: names the variable and what it must be, so the fix is in the deployment's settings.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly variable: string;
  readonly detail: string;

  constructor(variable: string, detail: string, options: { cause?: unknown } = {}) {
    super(`environment variable ${variable} ${detail}`, options);
    this.variable = variable;
    this.detail = detail;
  }
}
