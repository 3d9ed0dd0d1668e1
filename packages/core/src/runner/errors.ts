/** Thrown before a run starts when an option is out of range; says which one and what is allowed. */
export class StreamRunnerOptionError extends Error {
  override readonly name = 'StreamRunnerOptionError';
  constructor(
    readonly option: string,
    readonly value: unknown,
    allowed: string,
  ) {
    super(`stream runner option ${option} = ${String(value)} is invalid: expected ${allowed}`);
  }
}

/** Thrown when a local delivery stream or its buffer is given settings it cannot work with. */
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

/** Thrown when a stream keeps refusing records after every resend: the records were not put. */
export class PutRecordsStalledError extends Error {
  override readonly name = 'PutRecordsStalledError';
  constructor(
    readonly stream: string,
    readonly records: number,
    readonly attempts: number,
  ) {
    super(`${stream}: ${records} record(s) still refused after ${attempts} put attempts`);
  }
}
