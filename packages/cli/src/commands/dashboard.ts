import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { QueryEngine } from '@sluice/athena';
import { DashboardMonthError, type PipelineReports, renderDashboard } from '@sluice/example-dashboard';
import { integer } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';
import { demoReports, demoTables } from './demo-page.js';
import { PageRequestError, serveDashboard } from './demo-server.js';

/** Where the queries run: the demo's files on embedded DuckDB, or Athena with the AWS settings. */
export type DashboardEngineOptions =
  | { engine: 'duckdb'; data: string }
  | { engine: 'athena'; workGroup: string; database: string; outputLocation?: string; region?: string };

/** A running dashboard server. */
export interface RunningDashboard {
  url: string;
  server: Server;
  engine: QueryEngine;
  close(): Promise<void>;
}

/**
 * Opens the engine and serves the dashboard on 127.0.0.1:`port` (0 picks a free port). Each page
 * request runs every section's queries anew; `?month=YYYY-MM` picks the orders month.
 *
 * @example const dashboard = await startDashboard({ engine: 'duckdb', data: 'out/demo' }, 0, reports);
 */
export async function startDashboard(
  options: DashboardEngineOptions,
  port: number,
  reports: PipelineReports,
): Promise<RunningDashboard> {
  const engine = await openEngine(options);
  const render = (query: URLSearchParams) => renderPage(engine, reports, query.get('month') ?? undefined);
  const server = await serveDashboard(render, port).catch(async (error: unknown) => {
    await engine.close?.();
    throw error;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await engine.close?.();
  };
  return { url, server, engine, close };
}

async function renderPage(engine: QueryEngine, reports: PipelineReports, month: string | undefined) {
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new PageRequestError(400, new DashboardMonthError(month).message);
  return renderDashboard(engine, { reports, monthForm: true, ...(month && { ordersMonth: month }) });
}

/**
 * The engine the page is rendered with, imported only when chosen: DuckDB over the demo folder's
 * tables, or Athena (credentials and region from the usual AWS environment or profile).
 */
export async function openEngine(options: DashboardEngineOptions): Promise<QueryEngine> {
  if (options.engine === 'duckdb') {
    const { createDuckDbEngine } = await import('@sluice/athena/duckdb');
    return createDuckDbEngine({ tables: await demoTables(options.data) });
  }
  const { createAthenaEngine } = await import('@sluice/athena/aws');
  return createAthenaEngine({
    client: options.region ? { region: options.region } : {},
    workGroup: options.workGroup,
    database: options.database,
    ...(options.outputLocation && { outputLocation: options.outputLocation }),
  });
}

/**
 * `sluice dashboard`: serves the dashboard until Ctrl-C.
 *
 * @example sluice dashboard --data out/demo --port 8080
 */
export const dashboard: CommandRun = async ({ values }, io) => {
  const data = typeof values.data === 'string' ? values.data : 'out/demo';
  const reportsFile = typeof values.reports === 'string' ? values.reports : undefined;
  const options = engineOptions(values, data);
  const reports = await demoReports(reportsFile ?? join(data, 'demo-summary.json'));
  const running = await startDashboard(options, integer(values, 'port', 8080), reports);
  io.stderr(
    `dashboard on ${running.url} (${running.engine.engine}; each refresh re-runs the queries; Ctrl-C to stop)`,
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await running.close();
  return { url: running.url, engine: running.engine.engine };
};

function engineOptions(values: Record<string, unknown>, data: string): DashboardEngineOptions {
  const engine = values.engine ?? 'duckdb';
  if (engine === 'duckdb') return { engine, data };
  if (engine !== 'athena') throw new UsageError(`--engine must be duckdb or athena, got "${String(engine)}"`);
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    engine,
    workGroup: text('workgroup') ?? process.env.ATHENA_WORKGROUP ?? 'primary',
    database: text('database') ?? process.env.ATHENA_DATABASE ?? 'default',
    ...optionalSetting('outputLocation', text('output-location') ?? process.env.ATHENA_OUTPUT_LOCATION),
    ...optionalSetting('region', process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION),
  };
}

function optionalSetting<K extends string>(key: K, value: string | undefined) {
  return (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
}
