import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueryEngine } from '../query.js';
import { invalidRequest } from './errors.js';
import {
  checkStart,
  failureOf,
  isDml,
  type QueryExecution,
  type StartRequest,
  withParameters,
} from './query-execution.js';
import { executionBody, workGroupBody } from './query-execution-body.js';
import { athenaColumns, athenaText, columnInfo, resultCsvLine } from './result-text.js';

/** Where the Athena operations run queries and keep their results. */
export interface AthenaOperationsSettings {
  engine: QueryEngine;
  /** Local folder standing in for S3 result buckets: `s3://bucket/prefix/` is `<outputDir>/bucket/prefix/`. */
  outputDir: string;
  /** The workgroup's result location. */
  outputLocation: string;
  workGroup: string;
  database: string;
  /** Bytes of the files of the tables a query names (Athena's DataScannedInBytes). */
  scannedBytes: (sql: string) => Promise<number>;
}

const MAX_PAGE = 1000;
const MAX_LIST = 50;

/**
 * Athena's query API over a QueryEngine: queries run one at a time in submission order (QUEUED until
 * their turn, RUNNING, then SUCCEEDED, FAILED or CANCELLED); each result is kept for paging and
 * written as CSV plus `.metadata` under the output location.
 */
export class AthenaOperations {
  readonly executions = new Map<string, QueryExecution>();
  private readonly tokens = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly settings: AthenaOperationsSettings) {}

  /** The answer to one `AmazonAthena.<operation>` call. */
  answer(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case 'StartQueryExecution':
        return this.start(input);
      case 'GetQueryExecution':
        return { QueryExecution: executionBody(this.execution(input)) };
      case 'BatchGetQueryExecution':
        return this.batchGet(input);
      case 'GetQueryResults':
        return this.results(this.execution(input), input);
      case 'StopQueryExecution':
        return this.stop(this.execution(input));
      case 'ListQueryExecutions':
        return this.list(input);
      case 'GetWorkGroup':
        return { WorkGroup: workGroupBody(this.workGroup(input.WorkGroup), this.settings.outputLocation) };
      default:
        return undefined;
    }
  }

  /** Waits for every accepted query to end. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private start(input: Record<string, unknown>): { QueryExecutionId: string } {
    checkStart(input);
    const request = this.startRequest(input);
    const token = request.clientRequestToken;
    const existing = token === undefined ? undefined : this.executions.get(this.tokens.get(token) ?? '');
    if (existing) {
      if (existing.request.sql !== request.sql) {
        throw invalidRequest('Idempotent parameters do not match', 'INVALID_INPUT');
      }
      return { QueryExecutionId: existing.id };
    }
    const execution: QueryExecution = {
      id: randomUUID(),
      request,
      state: 'QUEUED',
      submitted: Date.now(),
      columns: [],
      rows: [],
      bytesScanned: 0,
      abort: new AbortController(),
    };
    this.executions.set(execution.id, execution);
    if (token !== undefined) this.tokens.set(token, execution.id);
    this.queue = this.queue.then(() => this.run(execution));
    return { QueryExecutionId: execution.id };
  }

  private startRequest(input: Record<string, unknown>): StartRequest {
    const context = (input.QueryExecutionContext ?? {}) as Record<string, string | undefined>;
    const result = (input.ResultConfiguration ?? {}) as Record<string, string | undefined>;
    const workGroup = this.workGroup(input.WorkGroup);
    const outputLocation = result.OutputLocation ?? this.settings.outputLocation;
    if (!/^s3:\/\/[^/]+/.test(outputLocation)) {
      throw invalidRequest(`OutputLocation must be an s3:// URI, got ${outputLocation}`);
    }
    return {
      sql: String(input.QueryString),
      parameters: (input.ExecutionParameters as string[] | undefined) ?? [],
      workGroup,
      database: context.Database ?? this.settings.database,
      catalog: context.Catalog ?? 'AwsDataCatalog',
      outputLocation,
      ...(typeof input.ClientRequestToken === 'string' && { clientRequestToken: input.ClientRequestToken }),
    };
  }

  private workGroup(name: unknown): string {
    const wanted = typeof name === 'string' ? name : 'primary';
    if (wanted !== 'primary' && wanted !== this.settings.workGroup) {
      throw invalidRequest(`WorkGroup ${wanted} is not found.`);
    }
    return wanted;
  }

  private async run(execution: QueryExecution): Promise<void> {
    if (execution.state !== 'QUEUED') return;
    execution.state = 'RUNNING';
    execution.started = Date.now();
    try {
      const sql = withParameters(execution.request.sql, execution.request.parameters);
      const result = await this.settings.engine.execute(sql, [], { signal: execution.abort.signal });
      execution.columns = athenaColumns(result.columns, result.rows);
      execution.rows = result.rows.map((row) => result.columns.map((c) => athenaText(row[c.name], c.type)));
      execution.bytesScanned = await this.settings.scannedBytes(sql);
      execution.resultFile = await this.writeResult(execution);
      execution.state = 'SUCCEEDED';
    } catch (error) {
      if (execution.abort.signal.aborted) execution.state = 'CANCELLED';
      else {
        execution.state = 'FAILED';
        execution.failure = failureOf(error);
      }
    }
    execution.completed = Date.now();
  }

  private async writeResult(execution: QueryExecution): Promise<string> {
    const location = `${execution.request.outputLocation.replace(/\/?$/, '/')}${execution.id}.csv`;
    const file = join(this.settings.outputDir, ...location.slice('s3://'.length).split('/'));
    await mkdir(join(file, '..'), { recursive: true });
    const header = isDml(execution.request.sql) ? [resultCsvLine(execution.columns.map((c) => c.name))] : [];
    await writeFile(file, [...header, ...execution.rows.map(resultCsvLine)].join(''));
    const metadata = { ColumnInfo: execution.columns.map((c) => columnInfo(c.name, c.type)) };
    await writeFile(`${file}.metadata`, JSON.stringify(metadata));
    return location;
  }

  private execution(input: Record<string, unknown>): QueryExecution {
    const execution = this.executions.get(String(input.QueryExecutionId));
    if (!execution) throw invalidRequest(`QueryExecution ${String(input.QueryExecutionId)} was not found`);
    return execution;
  }

  private batchGet(input: Record<string, unknown>) {
    const ids = (input.QueryExecutionIds as string[] | undefined) ?? [];
    const found = ids.filter((id) => this.executions.has(id));
    return {
      QueryExecutions: found.map((id) => executionBody(this.executions.get(id) as QueryExecution)),
      UnprocessedQueryExecutionIds: ids
        .filter((id) => !this.executions.has(id))
        .map((id) => ({ QueryExecutionId: id, ErrorCode: 'INVALID_INPUT', ErrorMessage: 'not found' })),
    };
  }

  private results(execution: QueryExecution, input: Record<string, unknown>) {
    if (execution.state !== 'SUCCEEDED') {
      const final = execution.state === 'FAILED' || execution.state === 'CANCELLED';
      throw invalidRequest(
        final
          ? `Query did not finish successfully. Final query state: ${execution.state}`
          : `Query has not yet finished. Current state: ${execution.state}`,
      );
    }
    const maxResults = Number(input.MaxResults ?? MAX_PAGE);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_PAGE) {
      throw invalidRequest(`MaxResults must be between 1 and ${MAX_PAGE}`);
    }
    const header = isDml(execution.request.sql) ? [execution.columns.map((c) => c.name)] : [];
    const all = [...header, ...execution.rows];
    const offset = pageOffset(input.NextToken, all.length);
    const end = Math.min(all.length, offset + maxResults);
    return {
      UpdateCount: 0,
      ResultSet: {
        Rows: all
          .slice(offset, end)
          .map((row) => ({ Data: row.map((v) => (v === undefined ? {} : { VarCharValue: v })) })),
        ResultSetMetadata: { ColumnInfo: execution.columns.map((c) => columnInfo(c.name, c.type)) },
      },
      ...(end < all.length && { NextToken: String(end) }),
    };
  }

  private stop(execution: QueryExecution): Record<string, never> {
    if (execution.state === 'QUEUED') {
      execution.state = 'CANCELLED';
      execution.completed = Date.now();
    }
    if (execution.state === 'RUNNING') execution.abort.abort(new Error('Query was cancelled by user'));
    return {};
  }

  private list(input: Record<string, unknown>) {
    const workGroup = this.workGroup(input.WorkGroup);
    const maxResults = Number(input.MaxResults ?? MAX_LIST);
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_LIST) {
      throw invalidRequest(`MaxResults must be between 0 and ${MAX_LIST}`);
    }
    const ids = [...this.executions.values()]
      .filter((e) => e.request.workGroup === workGroup)
      .reverse()
      .map((e) => e.id);
    const offset = pageOffset(input.NextToken, ids.length);
    const end = Math.min(ids.length, offset + maxResults);
    return { QueryExecutionIds: ids.slice(offset, end), ...(end < ids.length && { NextToken: String(end) }) };
  }
}

function pageOffset(token: unknown, length: number): number {
  if (token === undefined) return 0;
  const offset = Number(token);
  if (!Number.isInteger(offset) || offset < 0 || offset > length)
    throw invalidRequest('NextToken is invalid');
  return offset;
}
