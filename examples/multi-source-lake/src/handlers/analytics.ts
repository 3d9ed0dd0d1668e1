import type { QueryEngine } from '@sluice/athena';
// Imported statically: esbuild wraps a dynamically imported module for lazy initialisation, and
// with it the query definitions it shares with this file, which then run before they are set up.
import { athenaSettingsFromEnvironment, createAthenaEngine } from '@sluice/athena/aws';
import type { ObjectStore } from '@sluice/core/storage';
import { customerSqlSummary, maintenanceSqlSummary, type NamedRows } from '../analytics/summaries.js';
import { ANALYTICS_KEYS, type Domain } from '../layout.js';
import { domainOf } from './domain-input.js';
import { storeFromEnvironment } from './environment.js';

/** What the state machine passes each analytics task. */
export interface AnalyticsInput {
  domain: Domain;
}

/** Where the summary went: small, since a state's output is limited to 256 KB. */
export interface AnalyticsOutput {
  domain: Domain;
  summaryKey: string;
  /** Readings or customers summarised. */
  rows: number;
}

/** Options of {@link lakeAnalytics}. */
export interface LakeAnalyticsOptions {
  store: ObjectStore;
  /** Athena on AWS, DuckDB locally, over the lake's tables. */
  engine: QueryEngine;
  /** Receives the rows of every query run (the local demo prints them). */
  onQueries?: (domain: Domain, queries: NamedRows[]) => void;
}

/**
 * `manufacturing-analytics` and `ecommerce-analytics`: one domain's summary in SQL, saved as JSON
 * under `analytics/`, its key returned for the integration step.
 *
 * @example const analytics = lakeAnalytics({ store, engine }); await analytics({ domain: 'maintenance' });
 */
export function lakeAnalytics(options: LakeAnalyticsOptions) {
  return async (input: AnalyticsInput): Promise<AnalyticsOutput> => {
    const domain = domainOf('lake-analytics', input);
    const { summary, queries, rows } =
      domain === 'maintenance'
        ? withRows(await maintenanceSqlSummary(options.engine), (s) => s.readings)
        : withRows(await customerSqlSummary(options.engine), (s) => s.customers);
    const summaryKey = ANALYTICS_KEYS[domain];
    await options.store.put(summaryKey, `${JSON.stringify(summary, null, 2)}\n`, {
      contentType: 'application/json',
    });
    options.onQueries?.(domain, queries);
    return { domain, summaryKey, rows };
  };
}

function withRows<S>(result: { summary: S; queries: NamedRows[] }, rows: (summary: S) => number) {
  return { ...result, rows: rows(result.summary) };
}

let deployed: ((input: AnalyticsInput) => Promise<AnalyticsOutput>) | undefined;

/** The Lambda entry point: `LAKE_BUCKET`, `ATHENA_WORKGROUP`, `ATHENA_DATABASE`. */
export async function handler(input: AnalyticsInput): Promise<AnalyticsOutput> {
  if (!deployed) {
    const engine = createAthenaEngine(athenaSettingsFromEnvironment(process.env));
    deployed = lakeAnalytics({ store: await storeFromEnvironment(), engine });
  }
  return deployed(input);
}
