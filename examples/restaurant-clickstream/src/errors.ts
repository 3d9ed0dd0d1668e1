/** Thrown at cold start when an environment variable of the pipeline holds a bad value. */
export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
  constructor(
    readonly variable: string,
    readonly detail: string,
  ) {
    super(`environment variable ${variable}: ${detail}`);
  }
}

/** Thrown when a delivery stream or its buffer is given settings it cannot work with. */
export class DeliveryStreamOptionsError extends Error {
  override readonly name = 'DeliveryStreamOptionsError';
  constructor(
    readonly stream: string,
    readonly detail: string,
  ) {
    super(`delivery stream ${stream}: ${detail}`);
  }
}

/** Thrown by `put` once the delivery stream is closed: the records were not accepted. */
export class DeliveryStreamClosedError extends Error {
  override readonly name = 'DeliveryStreamClosedError';
  constructor(readonly stream: string) {
    super(`delivery stream ${stream} is closed; the records were not accepted`);
  }
}

/** Thrown by `flush`/`close` when a batch could not be written to the store (Firehose would retry it). */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
  constructor(
    readonly stream: string,
    readonly invocationId: string,
    options: { cause: unknown },
  ) {
    super(`delivery stream ${stream}: batch ${invocationId} could not be written to the store`, options);
  }
}
