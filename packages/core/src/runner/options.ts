import { type RunnerClock, systemClock } from './clock.js';
import { StreamRunnerOptionError } from './errors.js';

/** Options both runners share. */
export interface CommonRunnerOptions {
  /** Records per invocation at most. */
  batchSize?: number;
  /**
   * Like `MaximumBatchingWindowInSeconds`, in ms: a partial batch is delivered once its first record
   * has waited this long. The runner notices when the next record arrives (or the source ends), so
   * batches hold the same records as on Lambda. Default 0: batches close when full or at the end.
   */
  batchWindowMs?: number;
  /** Wait before delivering a batch that holds redelivered records (a visibility timeout). Default 0. */
  redeliveryDelayMs?: number;
  /** Default: the system clock. */
  clock?: RunnerClock;
  region?: string;
  accountId?: string;
}

/** The shared options with defaults applied and checked. */
export interface ResolvedCommonOptions {
  batchSize: number;
  batchWindowMs: number;
  redeliveryDelayMs: number;
  clock: RunnerClock;
  region: string;
  accountId: string;
}

/** Applies defaults and refuses values that would make a run meaningless or unbounded. */
export function resolveCommonOptions(
  options: CommonRunnerOptions,
  defaultBatchSize: number,
): ResolvedCommonOptions {
  const resolved = {
    batchSize: options.batchSize ?? defaultBatchSize,
    batchWindowMs: options.batchWindowMs ?? 0,
    redeliveryDelayMs: options.redeliveryDelayMs ?? 0,
    clock: options.clock ?? systemClock(),
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
  };
  requireInteger('batchSize', resolved.batchSize, 1);
  requireInteger('batchWindowMs', resolved.batchWindowMs, 0);
  requireInteger('redeliveryDelayMs', resolved.redeliveryDelayMs, 0);
  return resolved;
}

/** Throws `StreamRunnerOptionError` unless `value` is an integer ≥ `min`. */
export function requireInteger(option: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new StreamRunnerOptionError(option, value, `an integer >= ${min}`);
  }
}
