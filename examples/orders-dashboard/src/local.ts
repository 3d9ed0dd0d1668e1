import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import type { PipelineRunResult as DemoResult } from '@sluice/core/outcome';
import { runS3Events } from '@sluice/core/runner';
import { LocalObjectStore } from '@sluice/core/storage';
import { ordersCsv, writeLines } from '@sluice/datagen';
import type { DashboardPanel } from './dashboard.js';
import type { OrdersObjectResult } from './filter-orders-object.js';
import { filterOrdersHandler } from './handlers/filter-orders.js';
import { refreshDashboardHandler } from './handlers/refresh-dashboard.js';
import { processedTable } from './processed-table.js';

export type { DemoResult };

export interface DemoOptions {
  /** Everything is written under it: `input/orders.csv` and the bucket folder `bucket/`. */
  dir: string;
  rows: number;
  seed: number;
  log: (line: string) => void;
  /** Reference day of the filter; default the generator's 2025-06-30, so the demo is deterministic. */
  asOf?: string;
}

/** The bucket name the local run puts its objects in (it appears in rejection positions). */
export const DEMO_BUCKET = 'orders-dashboard';
const RAW_KEY = 'raw/orders.csv';

/**
 * Seed 000 on one machine: generates orders, puts them under `raw/` of a local bucket, invokes the
 * same S3 handler Lambda runs with an S3-shaped event, catalogs `processed/` and runs the five
 * dashboard queries on embedded DuckDB, saving them under `enriched/`.
 *
 * @example
 * const result = await runDemo({ dir: 'out/orders', rows: 20_000, seed: 42, log: console.error });
 * console.log(result.reports['filter-stale-orders']);
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const asOf = options.asOf ?? '2025-06-30';
  const store = new LocalObjectStore(join(options.dir, 'bucket'));
  const input = join(options.dir, 'input', 'orders.csv');
  await writeLines(input, ordersCsv({ rows: options.rows, seed: options.seed, asOf }), { progress: false });
  await store.put(RAW_KEY, createReadStream(input), { contentType: 'text/csv' });
  options.log(`orders-dashboard: put ${options.rows} orders at ${RAW_KEY}`);
  const result = await filterObject(store, asOf, options.log);
  const panels = await queryProcessed(store, asOf);
  options.log(`orders-dashboard: ${panels.length} dashboard queries saved under enriched/`);
  return {
    pipeline: 'orders-dashboard',
    reports: { 'filter-stale-orders': result.report },
    summary: summaryOf(result, asOf, store.root, (await stat(input)).size),
    queries: panels,
  };
}

async function filterObject(store: LocalObjectStore, asOf: string, log: (line: string) => void) {
  const results: OrdersObjectResult[] = [];
  const handler = filterOrdersHandler({
    store,
    env: { ORDERS_AS_OF: asOf },
    onResult: (result) => results.push(result),
    log: (line) => log(`orders-dashboard: handler ${line}`),
  });
  const run = await runS3Events(store, handler, {
    bucket: DEMO_BUCKET,
    prefix: RAW_KEY,
    maxRetryAttempts: 0,
  });
  const [result] = results;
  if (!result)
    throw new Error(`orders-dashboard: the handler did not process ${RAW_KEY}: ${run.deadLetters[0]?.error}`);
  return result;
}

async function queryProcessed(store: LocalObjectStore, asOf: string): Promise<DashboardPanel[]> {
  const engine = await createDuckDbEngine();
  try {
    await engine.registerTable(processedTable(join(store.root, 'processed')));
    const env = { ORDERS_BUCKET: DEMO_BUCKET, DASHBOARD_AS_OF: asOf };
    return await refreshDashboardHandler({ engine, store, env })();
  } finally {
    await engine.close();
  }
}

function summaryOf(result: OrdersObjectResult, asOf: string, bucket: string, inputBytes: number) {
  return {
    asOf,
    bucket,
    inputBytes,
    outputs: result.keys,
    processedRows: result.report.kept,
    parquetRows: result.parquet.rows,
    quarantined: result.quarantined,
    columns: result.parquet.columns,
  };
}
