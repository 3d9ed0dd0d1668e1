import type { StandardSchemaV1 } from '@standard-schema/spec';

/**
 * A calendar date without a time of day, bound as SQL `DATE 'YYYY-MM-DD'` (a plain string binds as
 * varchar). Create one with `sqlDate('2025-01-31')` or the `dateParam()` schema of `defineQuery`.
 */
export interface SqlDate {
  readonly kind: 'sql-date';
  /** `YYYY-MM-DD`, already validated as a real calendar date. */
  readonly iso: string;
}

/**
 * Scalar types a query parameter may hold; each backend binds them without string pasting.
 * A `Date` binds as a UTC timestamp, a {@link SqlDate} as a date.
 */
export type QueryParamValue = string | number | bigint | boolean | Date | SqlDate | null;

/**
 * A named, typed query. `params` and `row` are Standard Schemas (zod/mini, valibot…): parameters are
 * validated before the query is sent, rows are validated and typed after decoding.
 * Parameters appear in the SQL as `?`, bound in the order of `paramOrder` (`defineQuery` rewrites
 * named `:param` placeholders into this form).
 */
export interface QueryDefinition<Params extends Record<string, QueryParamValue>, Row> {
  readonly name: string;
  readonly sql: string;
  readonly paramOrder: readonly (keyof Params & string)[];
  readonly params?: StandardSchemaV1<unknown, Params>;
  readonly row: StandardSchemaV1<unknown, Row>;
}

/** Statistics every engine reports for a run. */
export interface QueryStats {
  engine: string;
  queryId: string;
  elapsedMs: number;
  /** Bytes scanned (Athena) or read (DuckDB, when known, else 0). */
  bytesScanned: number;
  /** Estimated cost in USD (Athena: $5 per TB scanned; DuckDB: 0). */
  costUsd: number;
}

export interface QueryResult<Row> {
  rows: Row[];
  columns: { name: string; type: string }[];
  stats: QueryStats;
}

export interface RunOptions {
  signal?: AbortSignal;
}

/**
 * The port both engines implement. Application code holds a `QueryEngine`, never a backend type.
 * Rows arriving from the engine are plain objects keyed by lower-case column name, values decoded
 * from the engine's types (bigint beyond 2^53 as bigint, decimal as string, date as `YYYY-MM-DD`,
 * timestamp as Date, arrays/maps/rows as JS values, NULL as null); the query's row schema then
 * validates them.
 */
export interface QueryEngine {
  readonly engine: string;
  /** Runs a query and collects every row. */
  run<P extends Record<string, QueryParamValue>, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): Promise<QueryResult<R>>;
  /** Runs a query and yields rows page by page (bounded memory). */
  stream<P extends Record<string, QueryParamValue>, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): AsyncIterable<R>;
  /** Runs SQL without a row schema (DDL, CTAS, ad-hoc); rows are returned untyped. */
  execute(
    sql: string,
    params?: readonly QueryParamValue[],
    options?: RunOptions,
  ): Promise<QueryResult<Record<string, unknown>>>;
  close?(): Promise<void>;
}
