// How one DuckDB query starts, streams and fails: the statement-level half of the embedded engine.
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResult } from '@duckdb/node-api';
import type { QueryParamValue } from '../query.js';
import { bindDuckDbParams } from './duckdb-values.js';
import { DuckDbQueryError, UnsupportedDateFormatError, UnsupportedFunctionError } from './errors.js';
import { readRowChunks } from './result-rows.js';
import { overloadRefusal } from './trino-functions.js';

export async function startQuery(
  connection: DuckDBConnection,
  sql: string,
  params: readonly QueryParamValue[],
  signal?: AbortSignal,
): Promise<DuckDBResult> {
  const prepared: DuckDBPreparedStatement = await connection.prepare(sql);
  bindDuckDbParams(prepared, params);
  // DuckDB forgets an interrupt that comes while preparing once the query starts; it counts here.
  signal?.throwIfAborted();
  return prepared.stream();
}

export type QueryDetails = { queryId: string; queryName?: string };

// Chunks are fetched lazily, so an interrupt or a bad value in a file surfaces while reading.
export async function* decodedChunks(
  result: DuckDBResult,
  fail: (error: unknown) => Promise<Error>,
  signal?: AbortSignal,
) {
  try {
    yield* readRowChunks(result, signal);
  } catch (error) {
    signal?.throwIfAborted();
    throw await fail(error);
  }
}

/** A DuckDB error after which the database refuses every statement until it is reopened. */
export const FATAL = /^(?:INTERNAL|FATAL) Error|database has been invalidated/;

const MISSING_FUNCTION = /(?:Scalar|Aggregate|Table) Function with name "?([\w$]+)"? does not exist/i;

/** The engine's typed error for what DuckDB threw. */
export function engineError(error: unknown, details: QueryDetails): Error {
  if (error instanceof UnsupportedFunctionError) {
    return new UnsupportedFunctionError(error.functionName, error.where, details);
  }
  if (!(error instanceof Error)) return new DuckDbQueryError(String(error), details);
  if (error instanceof UnsupportedDateFormatError) {
    return new UnsupportedDateFormatError(error.format, error.problem, details);
  }
  const overload = overloadRefusal(error.message);
  if (overload) return new UnsupportedFunctionError(overload.name, overload.where, details);
  const missing = MISSING_FUNCTION.exec(error.message)?.[1];
  if (missing)
    return new UnsupportedFunctionError(
      missing.toLowerCase(),
      'neither DuckDB nor its Trino macros have it',
      details,
    );
  return new DuckDbQueryError(error.message, details, { cause: error });
}
