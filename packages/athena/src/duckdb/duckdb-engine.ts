import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { bindParams, validateRow, validateRows } from '../define-query.js';
import type { QueryDefinition, QueryEngine, QueryParamValue, QueryResult, RunOptions } from '../query.js';
import type { TableDefinition } from '../tables/table-definition.js';
import {
  type CsvTableLoad,
  csvFilesOf,
  csvViewSql,
  fileStamps,
  loadCsvTable,
  type RejectedCsvRow,
  readsThroughCore,
  referencedTables,
} from './csv-tables.js';
import { decodedChunks, engineError, FATAL, type QueryDetails, startQuery } from './duckdb-query.js';
import { DuckDbRestartedError, RejectedCsvRowsError, TableRegistrationError } from './errors.js';
import { type ResultRow, resultColumns } from './result-rows.js';
import { emptyTableSql, localFilesOf, readerSql, registrationSql } from './table-registration.js';
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
  /**
   * Creates (or replaces) a view named after the table over its local files. CSV files are read by
   * Sluice's CSV reader; a query over a table some of whose rows could not be read fails with
   * `RejectedCsvRowsError` naming them.
   */
  registerTable(table: TableDefinition): Promise<void>;
  /** Rows of the table's CSV files that could not be read, each with file and line (empty when none). */
  rejectedRows(table: string): readonly RejectedCsvRow[];
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
  await engine.setUp();
  for (const table of options.tables ?? []) await engine.registerTable(table);
  return engine;
}

class EmbeddedDuckDbEngine implements DuckDbEngine {
  readonly engine = 'duckdb';
  private queries = 0;
  private readonly tables = new Map<string, TableDefinition>();
  private readonly csvLoads = new Map<string, CsvTableLoad>();
  private reopening: Promise<void> | undefined;

  constructor(
    private instance: DuckDBInstance,
    private readonly options: DuckDbEngineOptions,
  ) {}

  async setUp(): Promise<void> {
    await this.withConnection(async (connection) => {
      const zone = (this.options.timeZone ?? 'UTC').replaceAll("'", "''");
      await connection.run(`SET GLOBAL TimeZone = '${zone}'`);
      for (const statement of trinoMacroStatements()) await connection.run(statement);
    });
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
      await this.withConnection(async (connection) => {
        // No files is an empty table, as on Athena (a header-only or all-invalid domain), not an error.
        if ((await csvFilesOf(connection, files)).length === 0) return this.createEmpty(connection, table);
        return readsThroughCore(table)
          ? this.loadCsv(connection, table, files)
          : this.createView(connection, table, files);
      });
    } catch (error) {
      throw new TableRegistrationError(table.name, `cannot read ${files}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.tables.set(table.name, table);
  }

  rejectedRows(table: string): readonly RejectedCsvRow[] {
    return this.csvLoads.get(table)?.rejected ?? [];
  }

  async close(): Promise<void> {
    this.instance.closeSync();
  }

  // Files put there later need registerTable again: DuckDB's readers refuse an empty glob.
  private async createEmpty(connection: DuckDBConnection, table: TableDefinition) {
    this.csvLoads.delete(table.name);
    await connection.run(emptyTableSql(table));
  }

  private async createView(connection: DuckDBConnection, table: TableDefinition, files: string) {
    const fileColumns =
      table.format === 'parquet'
        ? (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${readerSql(table, files)}`))
            .getRowObjectsJS()
            .map((row) => String(row.column_name))
        : [];
    await connection.run(registrationSql(table, files, fileColumns, this.options.localRoot));
  }

  private async loadCsv(connection: DuckDBConnection, table: TableDefinition, files: string) {
    const list = await csvFilesOf(connection, files);
    if (list.length === 0) throw new Error('no files match');
    const stamps = await fileStamps(list);
    const load = await loadCsvTable(connection, table, list);
    await connection.run(csvViewSql(table, this.options.localRoot));
    this.csvLoads.set(table.name, { files, stamps, ...load });
  }

  // Tables are views over files, as on Athena: a CSV table whose files changed is read again first.
  private async checkCsvTables(sql: string, details: QueryDetails): Promise<void> {
    for (const name of referencedTables(sql, this.csvLoads.keys())) {
      const load = this.csvLoads.get(name) as CsvTableLoad;
      const table = this.tables.get(name) as TableDefinition;
      const current = await this.withConnection(async (c) => fileStamps(await csvFilesOf(c, load.files)));
      if (current !== load.stamps) await this.registerTable(table);
      const rejected = this.rejectedRows(name);
      if (rejected.length > 0) throw new RejectedCsvRowsError(rejected, details);
    }
  }

  private async withConnection<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await use(connection);
    } finally {
      connection.closeSync();
    }
  }

  // After a fatal error DuckDB refuses every statement until the database is reopened.
  private async failure(error: unknown, details: QueryDetails): Promise<Error> {
    const message = error instanceof Error ? error.message : String(error);
    if (!FATAL.test(message)) return engineError(error, details);
    this.reopening ??= this.reopen().finally(() => {
      this.reopening = undefined;
    });
    await this.reopening;
    const fatal = message.split('\n')[0] as string;
    return new DuckDbRestartedError(fatal, this.tables.size, details, { cause: error });
  }

  private async reopen(): Promise<void> {
    try {
      this.instance.closeSync();
    } catch {
      // an invalidated database may refuse to close cleanly; it is dropped either way
    }
    this.instance = await DuckDBInstance.create(this.options.path ?? ':memory:');
    this.csvLoads.clear();
    await this.setUp();
    for (const table of [...this.tables.values()]) await this.registerTable(table);
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
    await this.checkCsvTables(sql, details);
    const connection = await this.instance.connect();
    const onAbort = () => connection.interrupt();
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    const close = () => {
      options?.signal?.removeEventListener('abort', onAbort);
      connection.closeSync();
    };
    try {
      const result = await startQuery(connection, rewriteTrinoSql(sql), params, options?.signal);
      const fail = (error: unknown) => this.failure(error, details);
      const chunks = () => decodedChunks(result, fail, options?.signal);
      return { queryId, chunks, columns: resultColumns(result), close };
    } catch (error) {
      close();
      options?.signal?.throwIfAborted();
      throw await this.failure(error, details);
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
