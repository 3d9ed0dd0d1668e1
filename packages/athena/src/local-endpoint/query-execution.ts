import { UnsupportedDateFormatError, UnsupportedFunctionError } from '../duckdb/errors.js';
import { tokenizeSql } from '../duckdb/sql-tokens.js';
import { QueryExecutionError } from '../errors.js';
import { invalidRequest } from './errors.js';

/** Athena's query states, in the order a query goes through them. */
export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** What StartQueryExecution asked for. */
export interface StartRequest {
  sql: string;
  parameters: string[];
  workGroup: string;
  database: string;
  catalog: string;
  outputLocation: string;
  clientRequestToken?: string;
}

/** Why a query FAILED, as Athena's `AthenaError` reports it. */
export interface QueryFailure {
  reason: string;
  category: 1 | 2 | 3;
  errorType?: number;
  retryable: boolean;
}

/** One query the endpoint accepted, through its states. */
export interface QueryExecution {
  id: string;
  request: StartRequest;
  state: QueryState;
  submitted: number;
  started?: number;
  completed?: number;
  failure?: QueryFailure;
  columns: { name: string; type: string }[];
  /** Result rows as Athena's text (`undefined` for NULL). */
  rows: (string | undefined)[][];
  bytesScanned: number;
  resultFile?: string;
  abort: AbortController;
}

// One SQL literal, as Athena accepts in ExecutionParameters.
const LITERAL =
  /^(?:'(?:[^']|'')*'|(?:DATE|TIMESTAMP|TIME|DECIMAL)\s*'(?:[^']|'')*'|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|TRUE|FALSE|NULL)$/i;

/**
 * The SQL with each `?` (outside strings, quoted names and comments) replaced by its
 * ExecutionParameters literal, which is what Athena does with them. A parameter that is not one
 * literal, or a count that does not match, fails the query as Athena does.
 *
 * @example withParameters('SELECT ? AS a', ["'x'"]) // "SELECT 'x' AS a"
 */
export function withParameters(sql: string, parameters: readonly string[]): string {
  const tokens = tokenizeSql(sql);
  const holes = tokens.filter((t) => t.kind === 'other' && t.text === '?').length;
  if (holes !== parameters.length) {
    throw new ParameterError(
      `Incorrect number of parameters: expected ${holes} but found ${parameters.length}`,
    );
  }
  const bad = parameters.find((p) => !LITERAL.test(p.trim()));
  if (bad !== undefined) throw new ParameterError(`Execution parameter is not a SQL literal: ${bad}`);
  let next = 0;
  return tokens
    .map((t) => (t.kind === 'other' && t.text === '?' ? (parameters[next++] as string).trim() : t.text))
    .join('');
}

/** ExecutionParameters that do not fit the SQL: a user error, category 2. */
export class ParameterError extends Error {
  override readonly name = 'ParameterError';
}

/** How a failed run reads in GetQueryExecution: Athena's category, a Trino-style reason, retryable. */
export function failureOf(error: unknown): QueryFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ParameterError)
    return { reason: message, category: 2, errorType: 1301, retryable: false };
  if (error instanceof UnsupportedFunctionError) {
    return { reason: `FUNCTION_NOT_FOUND: ${message}`, category: 2, retryable: false };
  }
  if (error instanceof UnsupportedDateFormatError) {
    return { reason: `INVALID_FUNCTION_ARGUMENT: ${message}`, category: 2, retryable: false };
  }
  if (error instanceof QueryExecutionError && error.name === 'DuckDbRestartedError') {
    return { reason: `GENERIC_INTERNAL_ERROR: ${message}`, category: 1, retryable: true };
  }
  if (error instanceof QueryExecutionError && error.name === 'RejectedCsvRowsError') {
    return { reason: `HIVE_BAD_DATA: ${message}`, category: 2, retryable: false };
  }
  const kind = /Parser Error|syntax error/i.test(message) ? 'SYNTAX_ERROR' : 'GENERIC_USER_ERROR';
  return { reason: `${kind}: ${message}`, category: 2, retryable: false };
}

/** Refuses a StartQueryExecution body Athena would refuse. */
export function checkStart(input: Record<string, unknown>): void {
  if (typeof input.QueryString !== 'string' || input.QueryString.trim() === '') {
    throw invalidRequest('QueryString must not be empty');
  }
  const parameters = input.ExecutionParameters;
  if (parameters !== undefined && (!Array.isArray(parameters) || parameters.length === 0)) {
    throw invalidRequest('ExecutionParameters must hold at least one value');
  }
  const token = input.ClientRequestToken;
  if (token !== undefined && (typeof token !== 'string' || token.length < 32 || token.length > 128)) {
    throw invalidRequest('ClientRequestToken must be 32 to 128 characters');
  }
}

/** SELECT-like statements: their results begin with a header row, as Athena's DML results do. */
export function isDml(sql: string): boolean {
  const first = sql.replace(/^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()+/, '').match(/^\w+/)?.[0];
  return ['select', 'with', 'values', 'table', 'insert'].includes((first ?? '').toLowerCase());
}
