import { QueryExecutionError } from '../errors.js';

/** DuckDB refused or failed a statement; carries the query id the engine reported in its stats. */
export class DuckDbQueryError extends QueryExecutionError {
  override readonly name = 'DuckDbQueryError';
  constructor(
    message: string,
    details: { queryId: string; queryName?: string },
    options?: { cause?: unknown },
  ) {
    const label = details.queryName ? `query "${details.queryName}" (${details.queryId})` : details.queryId;
    super(`DuckDB ${label}: ${message}`, { engine: 'duckdb', ...details }, options);
  }
}

/**
 * The SQL calls a Trino/Athena function the embedded DuckDB backend cannot run. Named, so the
 * message says which function to avoid instead of DuckDB's generic binder error.
 */
export class UnsupportedFunctionError extends QueryExecutionError {
  override readonly name = 'UnsupportedFunctionError';
  constructor(
    readonly functionName: string,
    /** Where the call is (`line 2, column 3`) or why it is unknown. */
    readonly where: string,
    details: { queryId: string; queryName?: string } = { queryId: '' },
  ) {
    super(
      `function ${functionName}() (${where}) is not supported by the DuckDB backend; it runs on Athena only`,
      { engine: 'duckdb', ...details },
    );
  }
}

/** A date_format/date_parse format uses a specifier Trino does not support, or is not a literal. */
export class UnsupportedDateFormatError extends QueryExecutionError {
  override readonly name = 'UnsupportedDateFormatError';
  constructor(
    readonly format: string,
    readonly problem: string,
    details: { queryId: string; queryName?: string } = { queryId: '' },
  ) {
    super(`date format ${JSON.stringify(format)}: ${problem}`, { engine: 'duckdb', ...details });
  }
}

/** A table definition cannot be registered in DuckDB (no files at its location, unmapped s3:// path). */
export class TableRegistrationError extends Error {
  override readonly name = 'TableRegistrationError';
  constructor(
    readonly table: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`table ${table}: ${problem}`, options);
  }
}
