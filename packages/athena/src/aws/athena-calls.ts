import {
  AthenaClient,
  type AthenaClientConfig,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
  type QueryExecution,
  StartQueryExecutionCommand,
  type StartQueryExecutionInput,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { retry } from '@sluice/core/retry';
import type { AthenaEngineOptions, ResolvedAthenaOptions } from './options.js';

/**
 * The four Athena calls the engine makes, each retried with backoff and jitter when Athena
 * throttles (ThrottlingException, TooManyRequestsException) or fails transiently.
 */
export class AthenaCalls {
  #client: AthenaClient | undefined;
  readonly #clientOption: AthenaEngineOptions['client'];
  readonly #options: ResolvedAthenaOptions;

  constructor(client: AthenaEngineOptions['client'], options: ResolvedAthenaOptions) {
    this.#clientOption = client;
    this.#options = options;
  }

  /** The SDK client, created on first use. */
  get client(): AthenaClient {
    this.#client ??= isClient(this.#clientOption) ? this.#clientOption : createClient(this.#clientOption);
    return this.#client;
  }

  /** Releases the client's sockets if the engine created it; a client passed in belongs to the caller. */
  close(): void {
    if (this.#client && !isClient(this.#clientOption)) this.#client.destroy();
    this.#client = undefined;
  }

  async start(input: StartQueryExecutionInput, signal?: AbortSignal): Promise<string> {
    const output = await this.#send(
      () => this.client.send(new StartQueryExecutionCommand(input), { abortSignal: signal }),
      signal,
    );
    if (!output.QueryExecutionId) throw new Error('Athena StartQueryExecution returned no QueryExecutionId');
    return output.QueryExecutionId;
  }

  async execution(queryId: string, signal?: AbortSignal): Promise<QueryExecution> {
    const command = new GetQueryExecutionCommand({ QueryExecutionId: queryId });
    const output = await this.#send(() => this.client.send(command, { abortSignal: signal }), signal);
    return output.QueryExecution ?? {};
  }

  async stop(queryId: string): Promise<void> {
    await this.#send(() => this.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId })));
  }

  results(
    queryId: string,
    nextToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<GetQueryResultsOutput> {
    const input = { QueryExecutionId: queryId, NextToken: nextToken, MaxResults: this.#options.pageSize };
    return this.#send(
      () => this.client.send(new GetQueryResultsCommand(input), { abortSignal: signal }),
      signal,
    );
  }

  #send<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { maxAttempts, now, random, sleep } = this.#options;
    return retry(call, { maxAttempts, now, random, sleep, signal });
  }
}

function isClient(client: AthenaEngineOptions['client']): client is AthenaClient {
  return typeof (client as { send?: unknown } | undefined)?.send === 'function';
}

// The SDK's own retries are turned off: `retry` from @sluice/core backs off with full jitter and
// honours the caller's AbortSignal, and stacking both would multiply attempts.
function createClient(config: AthenaClientConfig | undefined): AthenaClient {
  return new AthenaClient({ maxAttempts: 1, ...config });
}
