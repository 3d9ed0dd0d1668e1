import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBResult,
} from '@duckdb/node-api';
import { bindParams, validateRow, validateRows } from '../define-query.js';
import type { QueryDefinition, QueryEngine, QueryParamValue, QueryResult, RunOptions } from '../query.js';
import type { TableDefinition } from '../tables/table-definition.js';
import { bindDuckDbParams } from './duckdb-values.js';
import {
  DuckDbQueryError,
  TableRegistrationError,
  UnsupportedDateFormatError,
  UnsupportedFunctionError,
} from './errors.js';
import { type ResultRow, readRowChunks, resultColumns } from './result-rows.js';
import { localFilesOf, readerSql, registrationSql } from './table-registration.js';
import { trinoMacroStatements } from './trino-macros.js';
import { rewriteTrinoSql } from './trino-rewrite.js';

export interface DuckDbEngineOptions {
  /** Database file; in-memory when omitted. */
  path?: string;
  /** Local directory standing in for S3: `s3://bucket/prefix/` is read from `<localRoot>/bucket/prefix/`. */
  localRoot?: string;
  /** Tables registered before the engine is returned. */
  tables?: readonly TableDefinition[];
  /** Session time zone, as on Athena; default `UTC`. */
  timeZone?: string;
}

/** The DuckDB QueryEngine, plus table registration from table definitions. */
export interface DuckDbEngine extends QueryEngine {
  /** Creates (or replaces) a view named after the table over its local files. */
  registerTable(table: TableDefinition): Promise<void>;
  /** Closes the database; the engine cannot be used afterwards. */
  close(): Promise<void>;
}

type Params = Record<string, QueryParamValue>;

/**
 * The embedded QueryEngine: Athena SQL runs on DuckDB with Trino compatibility macros, bound
 * parameters and streamed results; tables come from table definitions over local files.
 *
 * @example
 * const engine = await createDuckDbEngine({ localRoot: './data', tables: [processed] });
 * const { rows } = await engine.run(totalsByCustomer, {});
 */
export async function createDuckDbEngine(options: DuckDbEngineOptions = {}): Promise<DuckDbEngine> {
  const instance = await DuckDBInstance.create(options.path ?? ':memory:');
  const engine = new EmbeddedDuckDbEngine(instance, options);
  await engine.setUp(options);
  return engine;
}

class EmbeddedDuckDbEngine implements DuckDbEngine {
  readonly engine = 'duckdb';
  private queries = 0;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly options: DuckDbEngineOptions,
  ) {}

  async setUp(options: DuckDbEngineOptions): Promise<void> {
    const connection = await this.instance.connect();
    try {
      await connection.run(`SET GLOBAL TimeZone = '${(options.timeZone ?? 'UTC').replaceAll("'", "''")}'`);
      for (const statement of trinoMacroStatements()) await connection.run(statement);
    } finally {
      connection.closeSync();
    }
    for (const table of options.tables ?? []) await this.registerTable(table);
  }

  async run<P extends Params, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): Promise<QueryResult<R>> {
    const started = performance.now();
    const rows: R[] = [];
    const statement = await this.open(query.sql, await bindParams(query, params), options, query.name);
    try {
      for await (const chunk of statement.chunks()) {
        for (const row of await validateRows(query, chunk, rows.length)) rows.push(row);
      }
    } finally {
      statement.close();
    }
    return { rows, columns: statement.columns, stats: this.stats(statement.queryId, started) };
  }

  async *stream<P extends Params, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): AsyncIterable<R> {
    const statement = await this.open(query.sql, await bindParams(query, params), options, query.name);
    let index = 0;
    try {
      for await (const chunk of statement.chunks()) {
        for (const raw of chunk) {
          options?.signal?.throwIfAborted();
          yield await validateRow(query, raw, index++);
        }
      }
    } finally {
      statement.close();
    }
  }

  async execute(sql: string, params: readonly QueryParamValue[] = [], options?: RunOptions) {
    const started = performance.now();
    const statement = await this.open(sql, params, options);
    const rows: ResultRow[] = [];
    try {
      for await (const chunk of statement.chunks()) for (const raw of chunk) rows.push(raw);
    } finally {
      statement.close();
    }
    return { rows, columns: statement.columns, stats: this.stats(statement.queryId, started) };
  }

  async registerTable(table: TableDefinition): Promise<void> {
    const files = localFilesOf(table, this.options.localRoot);
    try {
      const fileColumns =
        table.format === 'parquet' ? await this.describe(`SELECT * FROM ${readerSql(table, files)}`) : [];
      await this.execute(registrationSql(table, files, fileColumns, this.options.localRoot));
    } catch (error) {
      throw new TableRegistrationError(table.name, `cannot read ${files}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    this.instance.closeSync();
  }

  private async describe(sql: string): Promise<string[]> {
    const { rows } = await this.execute(`DESCRIBE ${sql}`);
    return rows.map((row) => String(row.column_name));
  }

  private async open(
    sql: string,
    params: readonly QueryParamValue[],
    options?: RunOptions,
    queryName?: string,
  ) {
    options?.signal?.throwIfAborted();
    const queryId = `duckdb-${++this.queries}`;
    const details = { queryId, ...(queryName !== undefined && { queryName }) };
    const connection = await this.instance.connect();
    const onAbort = () => connection.interrupt();
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    const close = () => {
      options?.signal?.removeEventListener('abort', onAbort);
      connection.closeSync();
    };
    try {
      const result = await startQuery(connection, rewriteTrinoSql(sql), params);
      const chunks = () => decodedChunks(result, details, options?.signal);
      return { queryId, chunks, columns: resultColumns(result), close };
    } catch (error) {
      close();
      options?.signal?.throwIfAborted();
      throw engineError(error, details);
    }
  }

  private stats(queryId: string, started: number) {
    return {
      engine: this.engine,
      queryId,
      elapsedMs: performance.now() - started,
      bytesScanned: 0,
      costUsd: 0,
    };
  }
}

async function startQuery(
  connection: DuckDBConnection,
  sql: string,
  params: readonly QueryParamValue[],
): Promise<DuckDBResult> {
  const prepared: DuckDBPreparedStatement = await connection.prepare(sql);
  bindDuckDbParams(prepared, params);
  return prepared.stream();
}

type QueryDetails = { queryId: string; queryName?: string };

// Chunks are fetched lazily, so an interrupt or a bad value in a file surfaces while reading.
async function* decodedChunks(result: DuckDBResult, details: QueryDetails, signal?: AbortSignal) {
  try {
    yield* readRowChunks(result, signal);
  } catch (error) {
    signal?.throwIfAborted();
    throw engineError(error, details);
  }
}

const MISSING_FUNCTION = /(?:Scalar|Aggregate|Table) Function with name "?([\w$]+)"? does not exist/i;

function engineError(error: unknown, details: QueryDetails): Error {
  if (error instanceof UnsupportedFunctionError) {
    return new UnsupportedFunctionError(error.functionName, error.where, details);
  }
  if (!(error instanceof Error)) return new DuckDbQueryError(String(error), details);
  if (error instanceof UnsupportedDateFormatError) {
    return new UnsupportedDateFormatError(error.format, error.problem, details);
  }
  const missing = MISSING_FUNCTION.exec(error.message)?.[1];
  if (missing)
    return new UnsupportedFunctionError(
      missing.toLowerCase(),
      'neither DuckDB nor its Trino macros have it',
      details,
    );
  return new DuckDbQueryError(error.message, details, { cause: error });
}
