import type { AthenaClient, AthenaClientConfig } from '@aws-sdk/client-athena';

/** Options of {@link createAthenaEngine}. */
export interface AthenaEngineOptions {
  /** A ready client, or the config of one the engine creates on first use. */
  client?: AthenaClient | AthenaClientConfig;
  /** Athena workgroup. Default: the account's `primary`. */
  workGroup?: string;
  /** `s3://bucket/prefix/` for results; optional when the workgroup enforces one. */
  outputLocation?: string;
  /** Database unqualified table names resolve in. */
  database?: string;
  /** Data catalog. Default: `AwsDataCatalog`. */
  catalog?: string;
  /**
   * Derive `ClientRequestToken` from the query name, SQL, params, workgroup and database, so a
   * retried Lambda re-attaches to the same execution instead of scanning (and paying) twice.
   * Default false: a random token per run.
   */
  idempotent?: boolean;
  /** Rows per GetQueryResults page, at most 1000. Default 1000. */
  pageSize?: number;
  /** First polling delay ceiling. Default 250 ms. */
  pollBaseDelayMs?: number;
  /** Largest polling delay ceiling. Default 5 000 ms. */
  pollMaxDelayMs?: number;
  /** Give up (and stop the query) when it has not finished this long after it started. Default 30 min. */
  deadlineMs?: number;
  /** Attempts per API call when Athena throttles or fails transiently. Default 8. */
  maxAttempts?: number;
  /** Injectable time and randomness, for tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Options with defaults applied. */
export type ResolvedAthenaOptions = Required<
  Pick<
    AthenaEngineOptions,
    | 'idempotent'
    | 'pageSize'
    | 'pollBaseDelayMs'
    | 'pollMaxDelayMs'
    | 'deadlineMs'
    | 'maxAttempts'
    | 'now'
    | 'random'
  >
> &
  Omit<AthenaEngineOptions, 'client'>;

/** Applies the defaults documented on {@link AthenaEngineOptions}. */
export function resolveOptions(options: AthenaEngineOptions): ResolvedAthenaOptions {
  return {
    ...options,
    idempotent: options.idempotent ?? false,
    pageSize: Math.min(1000, Math.max(1, options.pageSize ?? 1000)),
    pollBaseDelayMs: options.pollBaseDelayMs ?? 250,
    pollMaxDelayMs: options.pollMaxDelayMs ?? 5_000,
    deadlineMs: options.deadlineMs ?? 30 * 60_000,
    maxAttempts: options.maxAttempts ?? 8,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  };
}
