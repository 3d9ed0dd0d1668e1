import { defineQuery, type QueryDefinition } from '@sluice/athena';
import * as z from 'zod/mini';
import { DashboardQueryError } from './errors.js';
import { seedQueryTexts } from './seed-queries.js';

const money = z.nullable(z.number());
const count = z.number();

/** Query 1: which customers spent the most. */
export const CustomerTotalsRow = z.object({
  customerid: z.string(),
  total_spent: money,
  total_orders: count,
});
/** Query 2: orders and revenue per month (`YYYY-MM`). */
export const MonthlyRevenueRow = z.object({
  month: z.string(),
  total_orders: count,
  total_revenue: money,
  avg_order_value: money,
});
/** Query 3: orders per fulfilment status. */
export const StatusDashboardRow = z.object({
  status: z.string(),
  order_count: count,
  total_revenue: money,
  avg_order_value: money,
});
/** Query 4: average order value of customers with two orders or more. */
export const CustomerAovRow = z.object({
  customerid: z.string(),
  number_of_orders: count,
  total_spent: money,
  avg_order_value: money,
});
/** Query 5: the largest orders of one month. */
export const LargestOrderRow = z.object({
  orderid: z.string(),
  customerid: z.string(),
  orderdate: z.string(),
  status: z.string(),
  amount: money,
});

/** The month query 5 looks at, as bound parameters: `[month_start, next_month_start)`. */
export interface MonthParams extends Record<string, string> {
  month_start: string;
  next_month_start: string;
}

/** The five dashboard queries, typed. */
export interface DashboardQueries {
  customerTotals: QueryDefinition<Record<never, never>, z.infer<typeof CustomerTotalsRow>>;
  monthlyRevenue: QueryDefinition<Record<never, never>, z.infer<typeof MonthlyRevenueRow>>;
  statusDashboard: QueryDefinition<Record<never, never>, z.infer<typeof StatusDashboardRow>>;
  customerAov: QueryDefinition<Record<never, never>, z.infer<typeof CustomerAovRow>>;
  largestOrders: QueryDefinition<MonthParams, z.infer<typeof LargestOrderRow>>;
}

/**
 * The seed's five queries over the `processed` table, verbatim except for two things: query 5's
 * hard-coded February 2025 becomes the bound parameters `:month_start` and `:next_month_start` (the
 * seed asks for "last month", whichever month that is), and each ORDER BY gets a tie-breaker. Rows
 * with equal sort keys come back in any order on Athena as on DuckDB (and differently from run to
 * run), so without it the same data could show two orders, and a `LIMIT` could keep other rows.
 *
 * @example
 * const { customerTotals } = dashboardQueries();
 * const { rows } = await engine.run(customerTotals, {});
 */
export function dashboardQueries(): DashboardQueries {
  const [totals, monthly, status, aov, largest] = seedQueryTexts();
  return {
    customerTotals: defineQuery({
      name: 'total_sales_by_customer',
      sql: tieBroken(totals, 'ORDER BY total_spent DESC', 'customerid'),
      row: CustomerTotalsRow,
    }),
    monthlyRevenue: defineQuery({ name: 'monthly_order_volume', sql: monthly, row: MonthlyRevenueRow }),
    statusDashboard: defineQuery({
      name: 'order_status_dashboard',
      sql: tieBroken(status, 'ORDER BY order_count DESC', 'status'),
      row: StatusDashboardRow,
    }),
    customerAov: defineQuery({
      name: 'average_order_value_per_customer',
      sql: tieBroken(aov, 'ORDER BY avg_order_value DESC', 'customerid'),
      row: CustomerAovRow,
    }),
    largestOrders: defineQuery({
      name: 'largest_orders_of_month',
      sql: tieBroken(monthParameters(largest), 'ORDER BY amount DESC', 'orderid'),
      params: { month_start: z.iso.date(), next_month_start: z.iso.date() },
      row: LargestOrderRow,
    }),
  };
}

/** Adds `column` as the last sort key after the seed's `orderBy` clause, which must be there. */
function tieBroken(sql: string, orderBy: string, column: string): string {
  if (!sql.includes(orderBy)) throw new DashboardQueryError(`a seed query no longer holds "${orderBy}"`);
  return sql.replace(orderBy, `${orderBy}, ${column}`);
}

function monthParameters(sql: string): string {
  if (!sql.includes("'2025-02-01'") || !sql.includes("'2025-03-01'"))
    throw new DashboardQueryError('seed query 5 no longer holds the February 2025 bounds it should');
  return sql.replace("'2025-02-01'", ':month_start').replace("'2025-03-01'", ':next_month_start');
}

/**
 * The calendar month before the one `day` falls in: "last month" of the seed's query 5.
 *
 * @example monthBefore('2025-06-30') // { month_start: '2025-05-01', next_month_start: '2025-06-01' }
 */
export function monthBefore(day: string): MonthParams {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 2, 1));
  const end = new Date(Date.UTC(year, month - 1, 1));
  return { month_start: isoDay(start), next_month_start: isoDay(end) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
