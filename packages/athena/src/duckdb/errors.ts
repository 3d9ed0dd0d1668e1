import { QueryExecutionError } from '../errors.js';

/** The query a DuckDB error belongs to; an empty id until the engine runs the SQL. */
type DuckDbQueryDetails = { queryId: string; queryName?: string };

/** The one place a DuckDB backend error says which engine and query it comes from. */
class DuckDbError extends QueryExecutionError {
  constructor(message: string, details: DuckDbQueryDetails = { queryId: '' }, options?: { cause?: unknown }) {
    super(message, { engine: 'duckdb', ...details }, options);
  }
}

/** DuckDB refused or failed a statement; carries the query id the engine reported in its stats. */
export class DuckDbQueryError extends DuckDbError {
  override readonly name: string = 'DuckDbQueryError';
  constructor(message: string, details: DuckDbQueryDetails, options?: { cause?: unknown }) {
    const label = details.queryName ? `query "${details.queryName}" (${details.queryId})` : details.queryId;
    super(`DuckDB ${label}: ${message}`, details, options);
  }
}

/**
 * The SQL calls a Trino/Athena function the embedded DuckDB backend cannot run. Named, so the
 * message says which function to avoid instead of DuckDB's generic binder error.
 */
export class UnsupportedFunctionError extends DuckDbError {
  override readonly name = 'UnsupportedFunctionError';
  constructor(
    readonly functionName: string,
    /** Where the call is (`line 2, column 3`) or why it is unknown. */
    readonly where: string,
    details?: DuckDbQueryDetails,
  ) {
    const what = /^\w+$/.test(functionName) ? `function ${functionName}()` : functionName;
    super(`${what} (${where}) is not supported by the DuckDB backend; it runs on Athena only`, details);
  }
}

/** A date_format/date_parse format uses a specifier Trino does not support, or is not a literal. */
export class UnsupportedDateFormatError extends DuckDbError {
  override readonly name = 'UnsupportedDateFormatError';
  constructor(
    readonly format: string,
    readonly problem: string,
    details?: DuckDbQueryDetails,
  ) {
    super(`date format ${JSON.stringify(format)}: ${problem}`, details);
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

/** A row Sluice's CSV reader could not load, as the error lists it. */
type RejectedRow = { table: string; file: string; line: number; reason: string };

/**
 * The query reads a CSV table with rows that could not be loaded (ragged, an open quote, a value its
 * column type cannot hold). Athena would answer differently or fail, so the embedded engine refuses
 * and names each row: fix the file, or drop the rows, and run again.
 */
export class RejectedCsvRowsError extends DuckDbQueryError {
  override readonly name = 'RejectedCsvRowsError';
  constructor(
    readonly rows: readonly RejectedRow[],
    details: DuckDbQueryDetails,
  ) {
    const shown = rows.slice(0, 5).map((r) => `${r.file}:${r.line} (table ${r.table}): ${r.reason}`);
    const more = rows.length > 5 ? `; and ${rows.length - 5} more` : '';
    super(`${rows.length} CSV row(s) could not be read: ${shown.join('; ')}${more}`, details);
  }
}

/**
 * DuckDB failed fatally (an INTERNAL error, "database has been invalidated"). The engine has already
 * reopened the database and registered its tables again, so the next query runs; this one did not.
 */
export class DuckDbRestartedError extends DuckDbQueryError {
  override readonly name = 'DuckDbRestartedError';
  constructor(
    readonly fatal: string,
    tables: number,
    details: DuckDbQueryDetails,
    options?: { cause?: unknown },
  ) {
    super(
      `DuckDB failed fatally (${fatal}); the engine reopened the database and registered its ${tables} table(s) again (objects created with SQL in an in-memory database are gone). Run the query again.`,
      details,
      options,
    );
  }
}
