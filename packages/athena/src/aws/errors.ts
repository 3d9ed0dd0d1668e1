import { QueryExecutionError } from '../errors.js';

/** Athena's `AthenaError.ErrorCategory`: 1 system, 2 user (fix the SQL), 3 other. */
export type AthenaErrorCategory = 1 | 2 | 3;

/** What Athena said about a query that did not succeed. */
export interface AthenaFailure {
  queryId: string;
  state: 'FAILED' | 'CANCELLED';
  stateChangeReason?: string;
  errorCategory?: AthenaErrorCategory;
  errorType?: number;
  /** Athena's `AthenaError.Retryable`: running the same query again may succeed. */
  retryable: boolean;
}

const CATEGORY_NAMES = { 1: 'system', 2: 'user', 3: 'other' } as const;

/**
 * An Athena query ended FAILED or CANCELLED.
 *
 * @example
 * try { await engine.run(query, params); }
 * catch (e) { if (e instanceof AthenaQueryError && e.retryable) scheduleRetry(); else throw e; }
 */
export class AthenaQueryError extends QueryExecutionError {
  override readonly name = 'AthenaQueryError';
  readonly queryId: string;
  readonly state: AthenaFailure['state'];
  readonly stateChangeReason: string | undefined;
  readonly errorCategory: AthenaErrorCategory | undefined;
  readonly errorType: number | undefined;
  readonly retryable: boolean;

  constructor(failure: AthenaFailure, queryName?: string) {
    super(describeFailure(failure, queryName), { engine: 'athena', queryName, queryId: failure.queryId });
    this.queryId = failure.queryId;
    this.state = failure.state;
    this.stateChangeReason = failure.stateChangeReason;
    this.errorCategory = failure.errorCategory;
    this.errorType = failure.errorType;
    this.retryable = failure.retryable;
  }
}

/** An Athena query was still queued or running at the deadline; it has been stopped. */
export class AthenaDeadlineError extends QueryExecutionError {
  override readonly name = 'AthenaDeadlineError';
  constructor(
    readonly queryId: string,
    readonly deadlineMs: number,
    queryName?: string,
  ) {
    super(
      `Athena query ${label(queryName, queryId)} did not finish within ${deadlineMs} ms and was stopped`,
      {
        engine: 'athena',
        queryName,
        queryId,
      },
    );
  }
}

/** A parameter value has no Athena literal form (e.g. a string over Athena's 1024-character limit). */
export class AthenaParameterError extends Error {
  override readonly name = 'AthenaParameterError';
  constructor(
    readonly position: number,
    problem: string,
  ) {
    super(`Athena execution parameter ${position + 1}: ${problem}`);
  }
}

/** A result value does not match the type Athena declared for its column. */
export class AthenaDecodeError extends Error {
  override readonly name = 'AthenaDecodeError';
  constructor(
    readonly column: string,
    readonly type: string,
    readonly value: string,
  ) {
    super(`column ${column} (${type}): cannot decode ${JSON.stringify(value.slice(0, 80))}`);
  }
}

function describeFailure(failure: AthenaFailure, queryName: string | undefined): string {
  const category = failure.errorCategory ? ` [${CATEGORY_NAMES[failure.errorCategory]} error` : '';
  const type = failure.errorType !== undefined ? `, type ${failure.errorType}]` : category ? ']' : '';
  const reason = failure.stateChangeReason ?? 'no reason given';
  return `Athena query ${label(queryName, failure.queryId)} ${failure.state}: ${reason}${category}${type}`;
}

function label(queryName: string | undefined, queryId: string): string {
  return queryName ? `"${queryName}" (${queryId})` : queryId;
}

/** Athena refused a request outright (bad workgroup, output location, parameter count…). */
export class AthenaRequestError extends QueryExecutionError {
  override readonly name = 'AthenaRequestError';
  constructor(
    readonly operation: string,
    cause: unknown,
    queryName?: string,
  ) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(
      `Athena ${operation} for ${queryName ? `query "${queryName}"` : 'SQL'} was refused: ${reason}`,
      {
        engine: 'athena',
        queryName,
      },
      { cause },
    );
  }
}
