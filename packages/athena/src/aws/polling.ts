import type { QueryExecution } from '@aws-sdk/client-athena';
import { backoffDelay, sleep as realSleep } from '@sluice/core/retry';
import type { AthenaCalls } from './athena-calls.js';
import { AthenaDeadlineError, type AthenaErrorCategory, AthenaQueryError } from './errors.js';
import type { ResolvedAthenaOptions } from './options.js';

// Below this, polling only burns GetQueryExecution quota: Athena's state changes take longer.
const MIN_POLL_DELAY_MS = 50;

/**
 * Polls GetQueryExecution with full-jitter exponential backoff until the query SUCCEEDED (returned),
 * FAILED or was CANCELLED ({@link AthenaQueryError}), or the deadline passes (query stopped,
 * {@link AthenaDeadlineError}). QUEUED and RUNNING keep polling.
 */
export async function waitForQuery(
  calls: AthenaCalls,
  queryId: string,
  options: ResolvedAthenaOptions,
  context: { queryName?: string; startedAt: number; signal?: AbortSignal },
): Promise<QueryExecution> {
  const { now, deadlineMs } = options;
  for (let poll = 1; ; poll++) {
    const execution = await calls.execution(queryId, context.signal);
    const state = execution.Status?.State;
    if (state === 'SUCCEEDED') return execution;
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new AthenaQueryError(failureOf(queryId, state, execution), context.queryName);
    }
    const delay = pollDelay(poll, options);
    if (now() + delay - context.startedAt > deadlineMs) {
      await calls.stop(queryId).catch(() => undefined);
      throw new AthenaDeadlineError(queryId, deadlineMs, context.queryName);
    }
    await (options.sleep ?? realSleep)(delay, context.signal);
  }
}

function pollDelay(poll: number, options: ResolvedAthenaOptions): number {
  const { pollBaseDelayMs: baseDelayMs, pollMaxDelayMs: maxDelayMs, random } = options;
  return Math.max(MIN_POLL_DELAY_MS, backoffDelay(poll, { baseDelayMs, maxDelayMs, random }));
}

function failureOf(queryId: string, state: 'FAILED' | 'CANCELLED', execution: QueryExecution) {
  const error = execution.Status?.AthenaError;
  const category = error?.ErrorCategory;
  return {
    queryId,
    state,
    stateChangeReason: execution.Status?.StateChangeReason ?? error?.ErrorMessage,
    errorCategory:
      category === 1 || category === 2 || category === 3 ? (category as AthenaErrorCategory) : undefined,
    errorType: error?.ErrorType,
    retryable: error?.Retryable ?? false,
  };
}
