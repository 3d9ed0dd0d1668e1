import { InvalidOptionsError } from '../errors.js';

/** Thrown when the status or order-date column cannot be found in a CSV header. */
export class OrderColumnNotFoundError extends Error {
  override readonly name = 'OrderColumnNotFoundError';
  constructor(
    readonly file: string,
    readonly column: 'status' | 'orderDate',
    readonly candidates: readonly string[],
    readonly header: readonly string[],
  ) {
    super(
      `${file}:1: no ${column} column: looked for ${candidates.join('|')} in header ` +
        `[${header.join(', ')}]; pass options.columns.${column} to name it`,
    );
  }
}

/** Thrown when a run report is asked for before the output stream was read to the end. */
export class RunNotFinishedError extends Error {
  override readonly name = 'RunNotFinishedError';
  constructor(readonly file: string) {
    super(`${file}: the report is ready once the output has been read to the end`);
  }
}

/** Thrown when stale-order options are out of range (negative age, unknown date format). */
export class InvalidStaleOrderOptionsError extends InvalidOptionsError {
  override readonly name = 'InvalidStaleOrderOptionsError';
  constructor(detail: string) {
    super('stale-order', detail);
  }
}
