import type { QueryExecution, StartQueryExecutionInput } from '@aws-sdk/client-athena';
import { isRetryableError, RetryExhaustedError } from '@sluice/core/retry';
import { bindParams, validateRow, validateRows } from '../define-query.js';
import type { QueryDefinition, QueryEngine, QueryParamValue, QueryResult, RunOptions } from '../query.js';
import { AthenaCalls } from './athena-calls.js';
import { AthenaRequestError } from './errors.js';
import { toExecutionParameters } from './execution-parameters.js';
import { type AthenaEngineOptions, type ResolvedAthenaOptions, resolveOptions } from './options.js';
import { waitForQuery } from './polling.js';
import { clientRequestToken } from './request-token.js';
import { type ResultPage, resultPages } from './result-pages.js';
import { athenaStats } from './stats.js';

type Params = Record<string, QueryParamValue>;

/** A finished execution whose results can be paged. */
interface FinishedQuery {
  queryId: string;
  execution: QueryExecution;
  wallMs: number;
}

/**
 * Creates a {@link QueryEngine} backed by Amazon Athena.
 *
 * @example
 * const engine = createAthenaEngine({
 *   client: { region: 'eu-west-1' },
 *   workGroup: 'analytics',
 *   outputLocation: 's3://my-bucket/athena-results/',
 *   database: 'sales',
 * });
 * const { rows, stats } = await engine.run(ordersSince, { from: sqlDate('2025-01-01'), status: 'pending' });
 */
export function createAthenaEngine(options: AthenaEngineOptions = {}): QueryEngine {
  return new AthenaQueryEngine(options);
}

/** The Athena backend of {@link QueryEngine}; prefer {@link createAthenaEngine}, typed as the port. */
export class AthenaQueryEngine implements QueryEngine {
  readonly engine = 'athena';
  readonly #options: ResolvedAthenaOptions;
  readonly #calls: AthenaCalls;

  constructor(options: AthenaEngineOptions = {}) {
    this.#options = resolveOptions(options);
    this.#calls = new AthenaCalls(options.client, this.#options);
  }

  async run<P extends Params, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): Promise<QueryResult<R>> {
    const finished = await this.#start(
      query.name,
      query.sql,
      await this.#bind(query, params, options),
      options,
    );
    const rows: R[] = [];
    const columns = await this.#collect(finished, options, async (page) => {
      // A page at a time: no await per row when the row schema answers synchronously.
      rows.push(...(await validateRows(query, page, rows.length)));
    });
    return { rows, columns, stats: athenaStats(finished.queryId, finished.execution, finished.wallMs) };
  }

  async *stream<P extends Params, R>(
    query: QueryDefinition<P, R>,
    params: P,
    options?: RunOptions,
  ): AsyncIterable<R> {
    const finished = await this.#start(
      query.name,
      query.sql,
      await this.#bind(query, params, options),
      options,
    );
    let index = 0;
    for await (const page of this.#pages(finished, options)) {
      for (const row of page.rows) {
        options?.signal?.throwIfAborted();
        yield await validateRow(query, row, index++);
      }
    }
  }

  async execute(
    sql: string,
    params: readonly QueryParamValue[] = [],
    options?: RunOptions,
  ): Promise<QueryResult<Record<string, unknown>>> {
    options?.signal?.throwIfAborted();
    const finished = await this.#start(undefined, sql, params, options);
    const rows: Record<string, unknown>[] = [];
    const columns = await this.#collect(finished, options, (page) => {
      rows.push(...page);
    });
    return { rows, columns, stats: athenaStats(finished.queryId, finished.execution, finished.wallMs) };
  }

  async close(): Promise<void> {
    this.#calls.close();
  }

  async #bind<P extends Params>(query: QueryDefinition<P, unknown>, params: P, options?: RunOptions) {
    options?.signal?.throwIfAborted();
    return bindParams(query, params);
  }

  async #start(
    queryName: string | undefined,
    sql: string,
    values: readonly QueryParamValue[],
    options?: RunOptions,
  ): Promise<FinishedQuery> {
    const signal = options?.signal;
    const startedAt = this.#options.now();
    const queryId = await this.#startExecution(queryName, sql, values, signal);
    try {
      const execution = await waitForQuery(this.#calls, queryId, this.#options, {
        queryName,
        startedAt,
        signal,
      });
      return { queryId, execution, wallMs: this.#options.now() - startedAt };
    } catch (error) {
      if (!signal?.aborted) throw error;
      // The caller gave up: stop the query so it does not keep scanning (and billing).
      await this.#calls.stop(queryId).catch(() => undefined);
      throw signal.reason;
    }
  }

  async #startExecution(
    queryName: string | undefined,
    sql: string,
    values: readonly QueryParamValue[],
    signal?: AbortSignal,
  ): Promise<string> {
    const input = this.#startInput(queryName, sql, toExecutionParameters(values));
    try {
      return await this.#calls.start(input, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // Throttling that outlasted every attempt is not a refusal: keep RetryExhaustedError.
      if (error instanceof RetryExhaustedError || isRetryableError(error)) throw error;
      throw new AthenaRequestError('StartQueryExecution', error, queryName);
    }
  }

  #startInput(
    queryName: string | undefined,
    sql: string,
    parameters: string[] | undefined,
  ): StartQueryExecutionInput {
    const { workGroup, outputLocation, database, catalog, idempotent } = this.#options;
    const token = clientRequestToken(idempotent, [
      queryName,
      sql,
      workGroup,
      catalog,
      database,
      ...(parameters ?? []),
    ]);
    return {
      QueryString: sql,
      ClientRequestToken: token,
      WorkGroup: workGroup,
      ExecutionParameters: parameters,
      ResultConfiguration: outputLocation ? { OutputLocation: outputLocation } : undefined,
      QueryExecutionContext: database || catalog ? { Database: database, Catalog: catalog } : undefined,
    };
  }

  #pages(finished: FinishedQuery, options?: RunOptions): AsyncGenerator<ResultPage> {
    const { queryId, execution } = finished;
    return resultPages(this.#calls, queryId, execution.StatementType, options?.signal);
  }

  async #collect(
    finished: FinishedQuery,
    options: RunOptions | undefined,
    onPage: (rows: Record<string, unknown>[]) => void | Promise<void>,
  ): Promise<{ name: string; type: string }[]> {
    let columns: { name: string; type: string }[] = [];
    for await (const page of this.#pages(finished, options)) {
      columns = page.columns.map(({ name, type }) => ({ name, type }));
      await onPage(page.rows);
    }
    return columns;
  }
}
