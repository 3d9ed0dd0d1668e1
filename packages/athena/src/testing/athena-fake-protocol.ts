import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeOutcome, FakeQueryPlan, FakeStartRequest } from './athena-fake-types.js';

/** A query the fake has accepted. */
export interface FakeQuery {
  id: string;
  request: FakeStartRequest;
  plan: FakeQueryPlan;
  polls: number;
  cancelled: boolean;
}

/** An Athena API error the fake answers with (HTTP 400, AWS JSON 1.1 error body). */
export class FakeApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The GetQueryExecution body for a query in the given state (`shown` overrides the state name). */
export function executionBody(
  query: FakeQuery,
  outcome: FakeOutcome,
  shown?: 'QUEUED' | 'RUNNING',
): Record<string, unknown> {
  const succeeded = outcome.state === 'SUCCEEDED' ? outcome : undefined;
  const failed = outcome.state === 'FAILED' ? outcome : undefined;
  return {
    QueryExecutionId: query.id,
    Query: query.request.sql,
    StatementType: succeeded?.statementType ?? 'DML',
    ExecutionParameters: query.request.parameters,
    Status: {
      State: shown ?? outcome.state,
      StateChangeReason:
        failed?.reason ??
        (outcome.state === 'CANCELLED' ? (outcome.reason ?? 'Query was cancelled by user') : undefined),
      AthenaError: failed && {
        ErrorCategory: failed.errorCategory ?? 2,
        ErrorType: failed.errorType,
        Retryable: failed.retryable ?? false,
        ErrorMessage: failed.reason,
      },
    },
    Statistics: succeeded && {
      DataScannedInBytes: succeeded.dataScannedInBytes ?? 0,
      EngineExecutionTimeInMillis: succeeded.engineExecutionTimeInMillis ?? 1,
    },
  };
}

/** Decodes a StartQueryExecution body. */
export function startRequest(input: Record<string, unknown>): FakeStartRequest {
  const context = (input.QueryExecutionContext ?? {}) as Record<string, string | undefined>;
  const result = (input.ResultConfiguration ?? {}) as Record<string, string | undefined>;
  const parameters = input.ExecutionParameters as string[] | undefined;
  if (parameters?.length === 0)
    throw new FakeApiError('InvalidRequestException', 'ExecutionParameters must not be empty');
  return {
    sql: String(input.QueryString ?? ''),
    parameters: parameters ?? [],
    clientRequestToken: input.ClientRequestToken as string | undefined,
    workGroup: input.WorkGroup as string | undefined,
    database: context.Database,
    catalog: context.Catalog,
    outputLocation: result.OutputLocation,
  };
}

// `?` outside string literals, quoted identifiers and comments.
export function countPlaceholders(sql: string): number {
  const stripped = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, '');
  return [...stripped].filter((c) => c === '?').length;
}

/** SQL with runs of whitespace collapsed, for matching scripts. */
export function normalise(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/** The request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes an AWS JSON 1.1 response. */
export function respond(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}
