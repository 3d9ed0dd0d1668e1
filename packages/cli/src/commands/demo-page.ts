import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TableDefinition } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import { detectionsTable, type PipelineReports, transactionsTable } from '@sluice/example-dashboard';
import { eventsTable } from '@sluice/example-ecommerce-batch-stream';
import { lakeTables } from '@sluice/example-multi-source-lake';
import { processedTable } from '@sluice/example-orders-dashboard';
import { clicksTable } from '@sluice/example-restaurant-clickstream';

// Where `sluice demo` leaves each pipeline's bucket under its --out folder.
const BUCKETS = {
  orders: 'orders-dashboard/bucket',
  clicks: 'restaurant-clickstream/restaurant-clickstream',
  lake: 'multi-source-lake/multi-source-data-lake',
  events: 'ecommerce-batch-stream/ecommerce-events',
  transactions: 'transaction-stream',
};

/**
 * The dashboard's tables over a `sluice demo` output folder: each example's own table definition,
 * its `s3://bucket/` moved to the bucket's folder, plus the DynamoDB exports of the transaction and
 * bot runs. Tables whose files are absent (a demo run with `--only`) are left out.
 *
 * @example const tables = await demoTables('out/demo');
 */
export async function demoTables(data: string): Promise<TableDefinition[]> {
  const at = (bucket: string) => resolve(data, bucket);
  const tables = [
    processedTable(join(at(BUCKETS.orders), 'processed')),
    inFolder(clicksTable({ bucket: 'restaurant-clickstream' }), at(BUCKETS.clicks)),
    ...lakeTables().map((table) => inFolder(table, at(BUCKETS.lake))),
    inFolder(eventsTable(), at(BUCKETS.events)),
    detectionsTable(join(at(BUCKETS.events), 'detections')),
    transactionsTable(join(at(BUCKETS.transactions), 'table')),
  ];
  const present = await Promise.all(tables.map((table) => hasFiles(table)));
  return tables.filter((_, i) => present[i]);
}

/** A table whose `s3://bucket/…` location (and location template) lives in `folder` instead. */
function inFolder(table: TableDefinition, folder: string): TableDefinition {
  const local = (location: string) => location.replace(/^s3:\/\/[^/]+\//, `${folder}/`);
  const projection = table.projection?.locationTemplate
    ? { projection: { ...table.projection, locationTemplate: local(table.projection.locationTemplate) } }
    : {};
  return { ...table, location: local(table.location), ...projection };
}

async function hasFiles(table: TableDefinition): Promise<boolean> {
  return (await stat(table.location).catch(() => undefined)) !== undefined;
}

/**
 * The run reports of a `demo-summary.json` that `sluice demo` saved, by pipeline; none when the
 * file is absent (the page then shows no report tables).
 *
 * @example const reports = await demoReports('out/demo/demo-summary.json'); reports['orders-dashboard']
 */
export async function demoReports(file: string): Promise<PipelineReports> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const runs = JSON.parse(text) as { name: string; result: { reports: Record<string, RunReport> } }[];
  return Object.fromEntries(runs.map((run) => [run.name, run.result.reports]));
}
