import type { QueryEngine } from '@sluice/athena';
import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';
import { type BucketStore, bucketStores } from '@sluice/sinks/buckets';
import { type DashboardPanel, refreshDashboard } from '../dashboard.js';
import { monthBefore } from '../dashboard-queries.js';

/** The refresh's settings from its environment. */
interface DashboardEnv {
  /** `ORDERS_BUCKET`: holds `processed/` and receives `enriched/`. */
  bucket: string;
  /** `DASHBOARD_AS_OF`: the day whose previous month query 5 shows; default today by the clock. */
  asOf: string | undefined;
}

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
  const variables = deps.env ?? process.env;
  const env = dashboardEnv(variables);
  const storeFor = bucketStores(deps.store);
  return async () => {
    const engine = deps.engine ?? (await athenaEngine(variables));
    const asOf = env.asOf ?? new Date((deps.now ?? Date.now)()).toISOString().slice(0, 10);
    return refreshDashboard(engine, await storeFor(env.bucket), monthBefore(asOf));
  };
}

function dashboardEnv(env: EnvironmentVariables): DashboardEnv {
  const read = handlerEnvironment(env);
  return { bucket: read.required('ORDERS_BUCKET'), asOf: read.date('DASHBOARD_AS_OF') };
}

/** Athena from `ATHENA_WORKGROUP`, `ATHENA_DATABASE`, `ATHENA_OUTPUT_LOCATION`. */
async function athenaEngine(env: EnvironmentVariables): Promise<QueryEngine> {
  const { athenaSettingsFromEnvironment, createAthenaEngine } = await import('@sluice/athena/aws');
  return createAthenaEngine({ idempotent: true, ...athenaSettingsFromEnvironment(env) });
}

let configured: (() => Promise<DashboardPanel[]>) | undefined;

/** The Lambda entry point (EventBridge schedule or the Step Functions step after the filter). */
export const handler = async (): Promise<{ panels: { name: string; rows: number }[] }> => {
  configured ??= refreshDashboardHandler();
  const panels = await configured();
  return { panels: panels.map((panel) => ({ name: panel.name, rows: panel.rows.length })) };
};
