import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  countPlaceholders,
  executionBody,
  FakeApiError,
  type FakeQuery,
  normalise,
  readBody,
  respond,
  startRequest,
} from './athena-fake-protocol.js';
import type {
  AthenaFakeOperation,
  FakeCall,
  FakeQueryPlan,
  FakeScript,
  FakeStartRequest,
} from './athena-fake-types.js';

export type * from './athena-fake-types.js';

const TARGET_PREFIX = 'AmazonAthena.';

/**
 * A local Athena that speaks the service's JSON protocol (AWS JSON 1.1 over HTTP on 127.0.0.1), so
 * the real `AthenaClient` is exercised end to end. Queries are scripted by SQL text or a predicate:
 * polls spent QUEUED/RUNNING, then SUCCEEDED with typed result pages, FAILED with Athena's error
 * category, CANCELLED, or RUNNING forever. StopQueryExecution cancels; throttling and other API errors can be injected (`failNext`).
 * The fake checks what it receives: the number of `ExecutionParameters` must match the `?` in the
 * SQL, and ClientRequestToken must be 32-128 characters (a repeated token returns the same query).
 *
 * @example
 * const fake = new AthenaFake({ pageSize: 2 }).script('SELECT 1 AS one', {
 *   runningPolls: 2,
 *   outcome: { state: 'SUCCEEDED', columns: [{ name: 'one', type: 'integer' }], rows: [['1']] },
 * });
 * await fake.start();
 * const engine = createAthenaEngine({ client: fake.clientConfig() });
 * await fake.stop();
 */
export class AthenaFake {
  /** Every request served, in order. */
  readonly calls: FakeCall[] = [];
  readonly #scripts: { matches: (request: FakeStartRequest) => boolean; script: FakeScript }[] = [];
  readonly #queries = new Map<string, FakeQuery>();
  readonly #tokens = new Map<string, string>();
  readonly #throttles = new Map<string, { times: number; errorType: string }>();
  readonly #pageSize: number;
  #server: Server | undefined;
  #endpoint: string | undefined;

  constructor(options: { pageSize?: number } = {}) {
    this.#pageSize = options.pageSize ?? 1000;
  }

  /** Answers queries whose SQL equals `match` (whitespace-insensitive), matches it, or satisfies it. */
  script(
    match: string | RegExp | ((request: FakeStartRequest) => boolean),
    plan: FakeQueryPlan | FakeScript,
  ): this {
    const matches =
      typeof match === 'string'
        ? (r: FakeStartRequest) => normalise(r.sql) === normalise(match)
        : match instanceof RegExp
          ? (r: FakeStartRequest) => match.test(r.sql)
          : match;
    this.#scripts.push({ matches, script: typeof plan === 'function' ? plan : () => plan });
    return this;
  }

  /** The next `times` calls of `operation` fail with `errorType` (default: Athena's throttling error). */
  failNext(operation: AthenaFakeOperation, times = 1, errorType = 'TooManyRequestsException'): this {
    this.#throttles.set(operation, { times, errorType });
    return this;
  }

  /** Number of calls made to `operation`. */
  count(operation: AthenaFakeOperation): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  /** The StartQueryExecution requests received, decoded. */
  get started(): FakeStartRequest[] {
    return [...this.#queries.values()].map((query) => query.request);
  }

  /** Listens on a free port of 127.0.0.1 and returns the endpoint URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => void this.#serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.#endpoint;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Config for an `AthenaClient` pointed at the fake, with static fake credentials. */
  clientConfig() {
    if (!this.#endpoint) throw new Error('AthenaFake: call start() first');
    return {
      endpoint: this.#endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
      maxAttempts: 1,
    };
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
    const input = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    this.calls.push({ operation, input });
    try {
      respond(res, 200, this.#answer(operation, input));
    } catch (error) {
      const api =
        error instanceof FakeApiError ? error : new FakeApiError('InternalServerException', String(error));
      res.setHeader('x-amzn-errortype', api.type);
      respond(res, api.type === 'InternalServerException' ? 500 : 400, {
        __type: api.type,
        message: api.message,
      });
    }
  }

  #answer(operation: string, input: Record<string, unknown>): unknown {
    this.#throttled(operation);
    if (operation === 'StartQueryExecution') return this.#startQuery(input);
    if (operation === 'GetQueryExecution') return { QueryExecution: this.#poll(this.#query(input)) };
    if (operation === 'GetQueryResults') return this.#results(this.#query(input), input);
    if (operation === 'StopQueryExecution') {
      this.#query(input).cancelled = true;
      return {};
    }
    throw new FakeApiError('UnknownOperationException', `the fake does not implement ${operation}`);
  }

  #throttled(operation: string): void {
    const throttle = this.#throttles.get(operation);
    if (!throttle || throttle.times <= 0) return;
    throttle.times--;
    throw new FakeApiError(throttle.errorType, 'Rate exceeded');
  }

  #startQuery(input: Record<string, unknown>): { QueryExecutionId: string } {
    const request = startRequest(input);
    const token = request.clientRequestToken;
    if (token !== undefined && (token.length < 32 || token.length > 128)) {
      throw new FakeApiError('InvalidRequestException', 'ClientRequestToken must be 32 to 128 characters');
    }
    const existing = token === undefined ? undefined : this.#tokens.get(token);
    if (existing) return { QueryExecutionId: existing };
    const id = randomUUID();
    this.#queries.set(id, { id, request, plan: this.#plan(request), polls: 0, cancelled: false });
    if (token !== undefined) this.#tokens.set(token, id);
    return { QueryExecutionId: id };
  }

  #plan(request: FakeStartRequest): FakeQueryPlan {
    const expected = countPlaceholders(request.sql);
    if (expected !== request.parameters.length) {
      const reason = `Incorrect number of parameters: expected ${expected} but found ${request.parameters.length}`;
      return { outcome: { state: 'FAILED', reason, errorCategory: 2, errorType: 1301, retryable: false } };
    }
    const script = this.#scripts.find((s) => s.matches(request));
    if (script) return script.script(request);
    const reason = `SYNTAX_ERROR: the fake has no script for: ${request.sql}`;
    return { outcome: { state: 'FAILED', reason, errorCategory: 2, errorType: 1001, retryable: false } };
  }

  #query(input: Record<string, unknown>): FakeQuery {
    const query = this.#queries.get(String(input.QueryExecutionId));
    if (!query)
      throw new FakeApiError('InvalidRequestException', `QueryExecution ${input.QueryExecutionId} not found`);
    return query;
  }

  #poll(query: FakeQuery): Record<string, unknown> {
    query.polls++;
    if (query.cancelled) return executionBody(query, { state: 'CANCELLED' });
    if (query.polls > (query.plan.runningPolls ?? 0)) return executionBody(query, query.plan.outcome);
    return executionBody(query, { state: 'RUNNING' }, query.polls === 1 ? 'QUEUED' : 'RUNNING');
  }

  #results(query: FakeQuery, input: Record<string, unknown>): Record<string, unknown> {
    const outcome = query.plan.outcome;
    if (query.cancelled || outcome.state !== 'SUCCEEDED' || query.polls <= (query.plan.runningPolls ?? 0)) {
      throw new FakeApiError('InvalidRequestException', `Query ${query.id} has not succeeded`);
    }
    const maxResults = Number(input.MaxResults ?? 1000);
    if (maxResults > 1000)
      throw new FakeApiError('InvalidRequestException', 'MaxResults must be at most 1000');
    const header = (outcome.statementType ?? 'DML') === 'DML' ? [outcome.columns.map((c) => c.name)] : [];
    const all = [...header, ...outcome.rows];
    const offset = Number(input.NextToken ?? 0);
    const end = offset + Math.min(maxResults, this.#pageSize);
    const Rows = all
      .slice(offset, end)
      .map((row) => ({ Data: row.map((v) => (v === null ? {} : { VarCharValue: v })) }));
    const ColumnInfo = outcome.columns.map((c) => ({
      Name: c.name,
      Label: c.name,
      Type: c.type,
      Nullable: 'UNKNOWN',
    }));
    return {
      ResultSet: { Rows, ResultSetMetadata: { ColumnInfo } },
      NextToken: end < all.length ? String(end) : undefined,
    };
  }
}
