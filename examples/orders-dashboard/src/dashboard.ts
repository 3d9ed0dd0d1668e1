import type { QueryDefinition, QueryEngine, QueryParamValue } from '@sluice/athena';
import type { ObjectStore } from '@sluice/core/storage';
import { writeCsv } from '@sluice/sinks/formats';
import { dashboardQueries, type MonthParams } from './dashboard-queries.js';

/** One dashboard panel: a query's name and its rows (JSON-safe: text, numbers, null). */
export interface DashboardPanel {
  name: string;
  rows: Record<string, unknown>[];
}

/**
 * Runs the five dashboard queries on any engine (embedded DuckDB or Athena) and saves each result
 * as `enriched/<query>.json` and `enriched/<query>.csv`, where the seed's dashboard read them.
 *
 * @example
 * const panels = await refreshDashboard(engine, store, monthBefore('2025-06-30'));
 */
export async function refreshDashboard(
  engine: QueryEngine,
  store: ObjectStore,
  month: MonthParams,
): Promise<DashboardPanel[]> {
  const q = dashboardQueries();
  return [
    await runPanel(engine, store, q.customerTotals, {}),
    await runPanel(engine, store, q.monthlyRevenue, {}),
    await runPanel(engine, store, q.statusDashboard, {}),
    await runPanel(engine, store, q.customerAov, {}),
    await runPanel(engine, store, q.largestOrders, month),
  ];
}

async function runPanel<P extends Record<string, QueryParamValue>, R extends object>(
  engine: QueryEngine,
  store: ObjectStore,
  query: QueryDefinition<P, R>,
  params: P,
): Promise<DashboardPanel> {
  const result = await engine.run(query, params);
  const rows = result.rows as Record<string, unknown>[];
  await store.put(`enriched/${query.name}.json`, `${JSON.stringify(rows, null, 2)}\n`, {
    contentType: 'application/json',
  });
  await writeCsv(store, `enriched/${query.name}.csv`, rows, { columns: result.columns.map((c) => c.name) });
  return { name: query.name, rows };
}
