import type { QueryEngine } from '@sluice/athena';
import { type BucketStore, bucketStores } from '@sluice/sinks/buckets';
import * as z from 'zod/mini';
import { type DashboardPanel, refreshDashboard } from '../dashboard.js';
import { monthBefore } from '../dashboard-queries.js';
import { InvalidConfigurationError } from '../errors.js';

const EnvSchema = z.object({
  /** The bucket holding `processed/` and receiving `enriched/`. */
  ORDERS_BUCKET: z.string().check(z.minLength(1)),
  /** Day whose previous month query 5 shows; default today by the clock. */
  DASHBOARD_AS_OF: z.optional(z.iso.date()),
  ATHENA_WORKGROUP: z.optional(z.string()),
  ATHENA_DATABASE: z.optional(z.string()),
  ATHENA_OUTPUT_LOCATION: z.optional(z.string()),
});
type DashboardEnv = z.infer<typeof EnvSchema>;

/** What the dashboard refresh needs; every field has an AWS default. */
export interface RefreshDashboardDeps {
  /** Default: Athena, configured by `ATHENA_WORKGROUP`, `ATHENA_DATABASE`, `ATHENA_OUTPUT_LOCATION`. */
  engine?: QueryEngine;
  /** Default: an S3ObjectStore for `ORDERS_BUCKET`. */
  store?: BucketStore;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

/**
 * The scheduled Lambda that refreshes the dashboard: runs the five seed queries on the `processed`
 * table (Athena on AWS, DuckDB locally) and saves them under `enriched/`.
 *
 * @example
 * const refresh = refreshDashboardHandler({ engine, store, env: { ORDERS_BUCKET: 'orders', DASHBOARD_AS_OF: '2025-06-30' } });
 * const panels = await refresh();
 */
export function refreshDashboardHandler(deps: RefreshDashboardDeps = {}): () => Promise<DashboardPanel[]> {
  const env = dashboardEnv(deps.env ?? process.env);
  const storeFor = bucketStores(deps.store);
  return async () => {
    const engine = deps.engine ?? (await athenaEngine(env));
    const asOf = env.DASHBOARD_AS_OF ?? new Date((deps.now ?? Date.now)()).toISOString().slice(0, 10);
    return refreshDashboard(engine, await storeFor(env.ORDERS_BUCKET), monthBefore(asOf));
  };
}

function dashboardEnv(env: Readonly<Record<string, string | undefined>>): DashboardEnv {
  const checked = EnvSchema.safeParse(env);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  throw new InvalidConfigurationError(String(issue?.path[0] ?? 'environment'), issue?.message ?? '');
}

async function athenaEngine(env: DashboardEnv): Promise<QueryEngine> {
  const { createAthenaEngine } = await import('@sluice/athena/aws');
  return createAthenaEngine({
    idempotent: true,
    ...(env.ATHENA_WORKGROUP && { workGroup: env.ATHENA_WORKGROUP }),
    ...(env.ATHENA_DATABASE && { database: env.ATHENA_DATABASE }),
    ...(env.ATHENA_OUTPUT_LOCATION && { outputLocation: env.ATHENA_OUTPUT_LOCATION }),
  });
}

let configured: (() => Promise<DashboardPanel[]>) | undefined;

/** The Lambda entry point (EventBridge schedule or the Step Functions step after the filter). */
export const handler = async (): Promise<{ panels: { name: string; rows: number }[] }> => {
  configured ??= refreshDashboardHandler();
  const panels = await configured();
  return { panels: panels.map((panel) => ({ name: panel.name, rows: panel.rows.length })) };
};
