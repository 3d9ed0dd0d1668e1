import type { QueryEngine, TableDefinition } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import { KEYS } from '../layout.js';
import { writeEventsDataset } from './events-dataset.js';
import { eventsTable } from './events-table.js';
import {
  cartAbandonmentQuery,
  lowConversionBrandsQuery,
  topCategoriesByHourQuery,
  topCategoriesByWeekdayQuery,
  uniqueVisitorsQuery,
} from './insight-queries.js';

/** Thresholds of the insights, bound as query parameters. */
export interface InsightSettings {
  /** Categories listed per hour and per weekday. Default 3. */
  top: number;
  /** A brand needs at least this many views to be judged. Default 50. */
  minViews: number;
  /** …and a view-to-purchase conversion below this. Default 0.05. */
  maxConversion: number;
}

/** A query's name and its rows, as the demo prints them. */
export interface NamedRows {
  name: string;
  rows: Record<string, unknown>[];
}

export interface BatchOptions {
  /** Holds the raw events CSV under `raw/events.csv`. */
  store: ObjectStore;
  /** Opens the SQL engine (DuckDB locally, Athena on AWS) once the dataset is written. */
  openEngine: (tables: TableDefinition[]) => Promise<QueryEngine>;
  insights?: Partial<InsightSettings>;
}

export interface BatchResult {
  report: RunReport;
  files: string[];
  queries: NamedRows[];
}

/**
 * The batch path: raw CSV → Parquet by date → the four insights in SQL, saved as JSON beside the data.
 *
 * @example const { report, queries } = await runBatch({ store, openEngine: (tables) => createDuckDbEngine({ localRoot: dir, tables }) });
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const { report, files } = await writeEventsDataset(options.store);
  const engine = await options.openEngine([eventsTable()]);
  try {
    const queries = await runInsights(engine, {
      top: 3,
      minViews: 50,
      maxConversion: 0.05,
      ...options.insights,
    });
    await options.store.put(`${KEYS.reports}insights.json`, `${JSON.stringify(queries, null, 2)}\n`);
    return { report, files, queries };
  } finally {
    await engine.close?.();
  }
}

/**
 * Runs the four insights (five result sets: categories per hour and per weekday) on any engine.
 *
 * @example const queries = await runInsights(engine, { top: 3, minViews: 50, maxConversion: 0.05 });
 */
export async function runInsights(engine: QueryEngine, settings: InsightSettings): Promise<NamedRows[]> {
  const top = { top: settings.top };
  const brands = { min_views: settings.minViews, max_conversion: settings.maxConversion };
  const results = [
    { name: uniqueVisitorsQuery.name, result: await engine.run(uniqueVisitorsQuery, {}) },
    { name: cartAbandonmentQuery.name, result: await engine.run(cartAbandonmentQuery, {}) },
    { name: topCategoriesByHourQuery.name, result: await engine.run(topCategoriesByHourQuery, top) },
    { name: topCategoriesByWeekdayQuery.name, result: await engine.run(topCategoriesByWeekdayQuery, top) },
    { name: lowConversionBrandsQuery.name, result: await engine.run(lowConversionBrandsQuery, brands) },
  ];
  return results.map(({ name, result }) => ({ name, rows: result.rows as Record<string, unknown>[] }));
}
