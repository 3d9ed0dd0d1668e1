import type { QueryEngine } from '@sluice/athena';
import { defineQuery } from '@sluice/athena';
import type { CustomerSummary, MachineSummary, MaintenanceSummary } from '@sluice/transforms/analytics';
import { CustomerSummariser, MaintenanceSummariser } from '@sluice/transforms/analytics';
import * as z from 'zod/mini';
import {
  alertCountsQuery,
  customerOverviewQuery,
  fleetPriorityQuery,
  machineSummaryQuery,
  segmentCountsQuery,
} from './queries.js';

/** A query's name and rows, as the demo prints them. */
export interface NamedRows {
  name: string;
  rows: Record<string, unknown>[];
}

/** The summaries computed in SQL, and every query's rows. */
export interface SqlSummaries {
  maintenance: MaintenanceSummary;
  customers: CustomerSummary;
  queries: NamedRows[];
}

const byMachineId = (a: MachineSummary, b: MachineSummary) =>
  a.machine_id.localeCompare(b.machine_id, 'en', { numeric: true });

/** One domain's summary computed in SQL, and its queries' rows. */
export interface DomainSummary<S> {
  summary: S;
  queries: NamedRows[];
}

/**
 * `manufacturing-analytics` and `ecommerce-analytics`: the summaries as SQL over the Parquet lake.
 * An empty table (a header-only or all-invalid input) gives a zero-row summary: counts 0, means 0,
 * no top labels, as the incremental summarisers give for no rows.
 *
 * @example const { maintenance, customers } = await sqlSummaries(engine);
 */
export async function sqlSummaries(engine: QueryEngine): Promise<SqlSummaries> {
  const maintenance = await maintenanceSqlSummary(engine);
  const customers = await customerSqlSummary(engine);
  return {
    maintenance: maintenance.summary,
    customers: customers.summary,
    queries: [...maintenance.queries, ...customers.queries],
  };
}

/**
 * `manufacturing-analytics`: per-machine averages, risk buckets and alerts, in SQL.
 *
 * @example const { summary } = await maintenanceSqlSummary(engine);
 */
export async function maintenanceSqlSummary(engine: QueryEngine): Promise<DomainSummary<MaintenanceSummary>> {
  const machines = (await engine.run(machineSummaryQuery, {})).rows.sort(byMachineId);
  const [fleet] = (await engine.run(fleetPriorityQuery, {})).rows;
  const alerts = (await engine.run(alertCountsQuery, {})).rows;
  const risk = (level: MachineSummary['risk']) => machines.filter((m) => m.risk === level).length;
  return {
    summary: {
      readings: fleet?.readings ?? 0,
      machines,
      risk_buckets: { high: risk('high'), medium: risk('medium'), low: risk('low') },
      alerts: machines.reduce((total, m) => total + m.alerts, 0),
      avg_priority_score: fleet?.avg_priority_score ?? 0,
    },
    queries: [
      { name: machineSummaryQuery.name, rows: machines },
      { name: alertCountsQuery.name, rows: alerts },
    ],
  };
}

/**
 * `ecommerce-analytics`: segment counts, average purchase, satisfaction index, top labels, in SQL.
 *
 * @example const { summary } = await customerSqlSummary(engine);
 */
export async function customerSqlSummary(engine: QueryEngine): Promise<DomainSummary<CustomerSummary>> {
  const segments = (await engine.run(segmentCountsQuery, {})).rows;
  const [overview] = (await engine.run(customerOverviewQuery, {})).rows;
  const segmentCount = (name: string) => segments.find((s) => s.segment === name)?.customers ?? 0;
  return {
    summary: {
      customers: overview?.customers ?? 0,
      segments: {
        HIGH_VALUE: segmentCount('HIGH_VALUE'),
        MEDIUM_VALUE: segmentCount('MEDIUM_VALUE'),
        STANDARD: segmentCount('STANDARD'),
      },
      avg_purchase_amount: overview?.avg_purchase_amount ?? 0,
      avg_value_score: overview?.avg_value_score ?? 0,
      satisfaction_index: overview?.satisfaction_index ?? 0,
      top_category: overview?.top_category ?? null,
      top_channel: overview?.top_channel ?? null,
    },
    queries: [
      { name: segmentCountsQuery.name, rows: segments },
      { name: customerOverviewQuery.name, rows: overview ? [overview] : [] },
    ],
  };
}

const readingRows = defineQuery({
  name: 'maintenance_rows',
  sql: 'SELECT machine_id, temperature, vibration, maintenance_priority_score FROM maintenance',
  row: z.object({
    machine_id: z.string(),
    temperature: z.number(),
    vibration: z.number(),
    maintenance_priority_score: z.number(),
  }),
});

const customerRows = defineQuery({
  name: 'customer_rows',
  sql: `SELECT purchase_amount, customer_satisfaction, customer_value_score, customer_segment,
          purchase_category, purchase_channel FROM customers`,
  row: z.object({
    purchase_amount: z.number(),
    customer_satisfaction: z.number(),
    customer_value_score: z.number(),
    customer_segment: z.enum(['HIGH_VALUE', 'MEDIUM_VALUE', 'STANDARD']),
    purchase_category: z.nullable(z.string()),
    purchase_channel: z.nullable(z.string()),
  }),
});

/**
 * The same summaries folded row by row with the incremental summarisers of `@sluice/transforms`,
 * streaming the lake's rows (bounded memory): the cross-check of the SQL.
 *
 * @example expect((await incrementalSummaries(engine)).customers).toEqual((await sqlSummaries(engine)).customers);
 */
export async function incrementalSummaries(
  engine: QueryEngine,
): Promise<{ maintenance: MaintenanceSummary; customers: CustomerSummary }> {
  const machines = new MaintenanceSummariser();
  for await (const reading of engine.stream(readingRows, {})) machines.add(reading);
  const customers = new CustomerSummariser();
  for await (const row of engine.stream(customerRows, {})) {
    customers.add({
      Purchase_Amount: row.purchase_amount,
      Customer_Satisfaction: row.customer_satisfaction,
      customer_value_score: row.customer_value_score,
      customer_segment: row.customer_segment,
      ...(row.purchase_category === null ? {} : { Purchase_Category: row.purchase_category }),
      ...(row.purchase_channel === null ? {} : { Purchase_Channel: row.purchase_channel }),
    });
  }
  return { maintenance: machines.result(), customers: customers.result() };
}
