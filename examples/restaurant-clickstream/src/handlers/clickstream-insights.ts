import type { QueryEngine } from '@sluice/athena';
import * as z from 'zod/mini';
import { ALL_HOURS, type ClickInsights, runInsights } from '../insights-queries.js';

/** What the insights Lambda needs; without an engine it queries Athena. */
export interface InsightsHandlerDeps {
  /** Default: an Athena engine from `CLICKS_DATABASE`, `ATHENA_WORKGROUP`, `ATHENA_OUTPUT_LOCATION`. */
  engine?: QueryEngine;
  env?: Readonly<Record<string, string | undefined>>;
}

const HOUR = z.string().check(z.regex(/^\d{4}\/\d{2}\/\d{2}\/\d{2}$/, 'must be yyyy/MM/dd/HH'));
const InsightsEvent = z.object({ from: z.optional(HOUR), to: z.optional(HOUR) });

/** The event of the insights Lambda: an optional window of hours. */
export type InsightsEvent = z.infer<typeof InsightsEvent>;

/** The insights Lambda handler. */
export type InsightsHandler = (event?: InsightsEvent) => Promise<ClickInsights>;

/**
 * Runs the restaurant insights (clicks and average time per item and per category, clicks per hour)
 * over the `clicks` table, for a window of hours given in the event (default: all). Locally the
 * DuckDB engine is injected; on AWS the Athena engine is created at the first event, so local runs
 * never load the AWS SDK.
 *
 * @example
 * const insights = await insightsHandler({ engine: duckdb })({ from: '2022/09/11/00', to: '2022/09/11/23' });
 */
export function insightsHandler(deps: InsightsHandlerDeps = {}): InsightsHandler {
  let engine: Promise<QueryEngine> | undefined = deps.engine && Promise.resolve(deps.engine);
  return async (event = {}) => {
    const window = InsightsEvent.parse(event);
    engine ??= athenaEngine(deps.env ?? process.env);
    return runInsights(await engine, { from: window.from ?? ALL_HOURS.from, to: window.to ?? ALL_HOURS.to });
  };
}

async function athenaEngine(env: Readonly<Record<string, string | undefined>>): Promise<QueryEngine> {
  const { athenaSettingsFromEnvironment, createAthenaEngine } = await import('@sluice/athena/aws');
  const settings = athenaSettingsFromEnvironment(env, { databaseVariable: 'CLICKS_DATABASE' });
  return createAthenaEngine({ ...settings, idempotent: true });
}

let configured: InsightsHandler | undefined;

/** The Lambda entry point. */
export const handler: InsightsHandler = (event) => {
  configured ??= insightsHandler();
  return configured(event);
};
