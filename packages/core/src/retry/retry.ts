import { RetryExhaustedError } from './errors.js';

/** Options of {@link retry}; clock, randomness and sleep are injectable for deterministic tests. */
export interface RetryOptions {
  /** Total attempts including the first. Default 5. */
  maxAttempts?: number;
  /** First backoff ceiling in ms. Default 100. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 20 000. */
  maxDelayMs?: number;
  /** Give up when the next attempt would start later than this many ms after the first. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Whether an error is worth another attempt. Default: {@link isRetryableError}. */
  retryable?: (error: unknown) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Full-jitter exponential backoff: a random delay in `[0, min(max, base·2^(attempt-1)))`.
 *
 * @example backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 5000 }) // somewhere in [0, 400)
 */
export function backoffDelay(
  attempt: number,
  options: { baseDelayMs?: number; maxDelayMs?: number; random?: () => number } = {},
): number {
  const base = options.baseDelayMs ?? 100;
  const ceiling = Math.min(options.maxDelayMs ?? 20_000, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/**
 * Sleeps `ms`, rejecting with the signal's reason if it aborts first.
 *
 * @example await sleep(backoffDelay(attempt), signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalFailure',
  'RequestTimeout',
]);

/**
 * Retry throttling, 5xx and network errors; never validation errors.
 * Understands AWS SDK v3 errors (`name`, `$metadata.httpStatusCode`, `$retryable`).
 */
export function isRetryableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (e.$retryable) return true;
  if (e.name && THROTTLING.has(e.name)) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status === 429 || status >= 500;
  return e.code === 'ECONNRESET' || e.code === 'ETIMEDOUT' || e.code === 'ECONNREFUSED';
}

/**
 * Calls `fn` until it succeeds, backing off with full jitter between attempts.
 *
 * @example
 * const out = await retry(() => client.send(new PutRecordsCommand(input)), { maxAttempts: 8, signal });
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(options.retryable ?? isRetryableError)(error)) throw error;
      const delayMs = backoffDelay(attempt, options);
      if (attempt >= maxAttempts)
        throw new RetryExhaustedError(`gave up after ${attempt} attempts`, attempt, { cause: error });
      if (options.deadlineMs !== undefined && now() + delayMs - started > options.deadlineMs) {
        throw new RetryExhaustedError(
          `deadline of ${options.deadlineMs} ms passed after ${attempt} attempts`,
          attempt,
          { cause: error },
        );
      }
      options.onRetry?.({ attempt, delayMs, error });
      await (options.sleep ?? sleep)(delayMs, options.signal);
    }
  }
}
