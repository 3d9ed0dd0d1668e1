import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TableDefinition } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import type { DashboardData, PipelineReports, SectionId } from '@sluice/example-dashboard';
import { collectDashboard, SECTION_IDS } from '@sluice/example-dashboard/collect';
import { detectionsTable, transactionsTable } from '@sluice/example-dashboard/tables';

// Where `sluice demo` leaves each pipeline's bucket under its --out folder.
const BUCKETS = {
  orders: 'orders-dashboard/bucket',
  clicks: 'restaurant-clickstream/restaurant-clickstream',
  lake: 'multi-source-lake/multi-source-data-lake',
  events: 'ecommerce-batch-stream/ecommerce-events',
  transactions: 'transaction-stream',
};

// Each dashboard section's tables, given where a bucket's folder is. The examples are imported when
// asked for: a pipeline's process has its own loaded already and needs no other.
const SECTION_TABLES: Record<SectionId, (at: (bucket: string) => string) => Promise<TableDefinition[]>> = {
  orders: async (at) => {
    const { processedTable } = await import('@sluice/example-orders-dashboard');
    return [processedTable(join(at(BUCKETS.orders), 'processed'))];
  },
  clickstream: async (at) => {
    const { clicksTable } = await import('@sluice/example-restaurant-clickstream');
    return [inFolder(clicksTable({ bucket: 'restaurant-clickstream' }), at(BUCKETS.clicks))];
  },
  lake: async (at) => {
    const { lakeTables } = await import('@sluice/example-multi-source-lake');
    return lakeTables().map((table) => inFolder(table, at(BUCKETS.lake)));
  },
  transactions: async (at) => [transactionsTable(join(at(BUCKETS.transactions), 'table'))],
  bots: async (at) => {
    const { eventsTable } = await import('@sluice/example-ecommerce-batch-stream');
    return [
      inFolder(eventsTable(), at(BUCKETS.events)),
      detectionsTable(join(at(BUCKETS.events), 'detections')),
    ];
  },
};

/**
 * The dashboard's tables over a `sluice demo` output folder: each example's own table definition,
 * its `s3://bucket/` moved to the bucket's folder, plus the DynamoDB exports of the transaction and
 * bot runs; only those of `sections` when given. Tables whose files are absent (a demo run with
 * `--only`) are left out.
 *
 * @example const tables = await demoTables('out/demo');
 */
export async function demoTables(
  data: string,
  sections: readonly SectionId[] = SECTION_IDS,
): Promise<TableDefinition[]> {
  const at = (bucket: string) => resolve(data, bucket);
  const tables = (await Promise.all(sections.map((section) => SECTION_TABLES[section](at)))).flat();
  const present = await Promise.all(tables.map((table) => hasFiles(table)));
  return tables.filter((_, i) => present[i]);
}

/**
 * Some sections of the dashboard over a `sluice demo` output folder, on embedded DuckDB: what each
 * pipeline's process adds to the snapshot when it ends.
 *
 * @example const part = await collectDemoSections('out/demo', ['orders'], { 'orders-dashboard': reports });
 */
export async function collectDemoSections(
  data: string,
  sections: readonly SectionId[],
  reports: PipelineReports,
): Promise<DashboardData> {
  const { createDuckDbEngine } = await import('@sluice/athena/duckdb');
  const engine = await createDuckDbEngine({ tables: await demoTables(data, sections) });
  try {
    return await collectDashboard(engine, { reports, sections });
  } finally {
    await engine.close();
  }
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
