import type { QueryEngine } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import type { DashboardData, Section, SectionId } from './model.js';
import { botsSection } from './sections/bots.js';
import { clickstreamSection } from './sections/clickstream.js';
import { lakeSection } from './sections/lake.js';
import { ordersSection } from './sections/orders.js';
import type { SectionInput } from './sections/section.js';
import { transactionsSection } from './sections/transactions.js';

/** Run reports by pipeline (`orders-dashboard`, `restaurant-clickstream`, …), then by step. */
export type PipelineReports = Partial<Record<string, Record<string, RunReport>>>;

/** Options of {@link collectDashboard}. */
export interface DashboardOptions {
  /** The pipelines' run reports, as `sluice demo` leaves them in `demo-summary.json`. */
  reports?: PipelineReports;
  /** The month of the orders' "largest orders" query, `YYYY-MM`; default the latest with orders. */
  ordersMonth?: string;
  /** Default: now. */
  generatedAt?: Date;
  /** Sections to show, in page order. Default all five. */
  sections?: readonly SectionId[];
}

const PIPELINES: Record<SectionId, { pipeline: string; title: string }> = {
  orders: { pipeline: 'orders-dashboard', title: 'Orders' },
  clickstream: { pipeline: 'restaurant-clickstream', title: 'Clickstream' },
  lake: { pipeline: 'multi-source-lake', title: 'Data lake' },
  transactions: { pipeline: 'transaction-stream', title: 'Transactions' },
  bots: { pipeline: 'ecommerce-batch-stream', title: 'Bots and shopper insights' },
};

/** Every section, in page order. */
export const SECTION_IDS: readonly SectionId[] = ['orders', 'clickstream', 'lake', 'transactions', 'bots'];

/**
 * Runs every section's typed queries on `engine` (embedded DuckDB locally, Athena when deployed)
 * and gathers what the page shows. A section whose tables are missing or whose query fails is kept
 * with its error, so one absent pipeline never blanks the page.
 *
 * @example const data = await collectDashboard(engine, { reports, ordersMonth: '2025-05' });
 */
export async function collectDashboard(
  engine: QueryEngine,
  options: DashboardOptions = {},
): Promise<DashboardData> {
  const data: DashboardData = {
    engine: engine.engine,
    generatedAt: options.generatedAt ?? new Date(),
    sections: [],
  };
  for (const id of options.sections ?? SECTION_IDS) {
    const input: SectionInput = { engine, reports: options.reports?.[PIPELINES[id].pipeline] ?? {} };
    try {
      data.sections.push(await buildSection(id, input, options, data));
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      data.sections.push({
        id,
        title: PIPELINES[id].title,
        tiles: [],
        panels: [],
        reports: input.reports,
        error: message,
      });
    }
  }
  return data;
}

async function buildSection(
  id: SectionId,
  input: SectionInput,
  options: DashboardOptions,
  data: DashboardData,
): Promise<Section> {
  if (id === 'orders') {
    const { months, month, ...section } = await ordersSection({
      ...input,
      ...(options.ordersMonth && { month: options.ordersMonth }),
    });
    data.ordersMonth = { month, months };
    return section;
  }
  if (id === 'clickstream') return clickstreamSection(input);
  if (id === 'lake') return lakeSection(input);
  if (id === 'transactions') return transactionsSection(input);
  return botsSection(input);
}
