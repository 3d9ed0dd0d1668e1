import { dashboardQueries } from '@sluice/example-orders-dashboard/queries';
import { barChart } from '../chart-specs.js';
import { DashboardMonthError } from '../errors.js';
import type { Section } from '../model.js';
import { column, records, type SectionInput, total } from './section.js';

const customer = column('customerid', 'customer');
const orders = column('total_orders', 'orders', 'integer');
const revenue = column('total_revenue', 'revenue', 'currency');
const aov = column('avg_order_value', 'average order', 'currency');
const spent = column('total_spent', 'spent', 'currency');
const month = column('month', 'month');
const status = column('status', 'status');
const statusOrders = column('order_count', 'orders', 'integer');
const customerOrders = column('number_of_orders', 'orders', 'integer');
const orderId = column('orderid', 'order');
const amount = column('amount', 'amount', 'currency');
const TOP = 15;

/** Options of {@link ordersSection}. */
export interface OrdersSectionInput extends SectionInput {
  /** The month of the "largest orders" query, `YYYY-MM`; default the latest month with orders. */
  month?: string;
}

/**
 * Seed 000's five queries over `processed`: spend by customer, monthly volume and revenue, the
 * status mix, average order value per repeat customer, and the largest orders of one month, whose
 * bounds are bound parameters.
 *
 * @example const section = await ordersSection({ engine, reports, month: '2025-05' });
 */
export async function ordersSection(
  input: OrdersSectionInput,
): Promise<Section & { months: string[]; month: string }> {
  const { engine } = input;
  const q = dashboardQueries();
  const monthly = records((await engine.run(q.monthlyRevenue, {})).rows);
  const months = monthly.map((row) => String(row.month));
  const chosen = input.month ?? months[0] ?? '';
  const byCustomer = records((await engine.run(q.customerTotals, {})).rows);
  const byStatus = records((await engine.run(q.statusDashboard, {})).rows);
  const repeat = records((await engine.run(q.customerAov, {})).rows);
  const largest = records((await engine.run(q.largestOrders, monthBounds(chosen))).rows);
  const orderCount = total(monthly, 'total_orders');
  const revenueTotal = total(monthly, 'total_revenue');
  return {
    id: 'orders',
    title: 'Orders',
    reports: input.reports,
    months,
    month: chosen,
    tiles: [
      { label: 'Revenue', value: revenueTotal, format: 'currency', note: 'kept orders, every status' },
      { label: 'Orders', value: orderCount, format: 'integer' },
      { label: 'Average order', value: orderCount ? revenueTotal / orderCount : null, format: 'currency' },
      { label: 'Customers', value: byCustomer.length, format: 'integer' },
    ],
    panels: [
      {
        query: q.monthlyRevenue.name,
        title: 'Monthly volume and revenue',
        rows: monthly,
        columns: [month, orders, revenue, aov],
        chart: barChart({
          category: month,
          measure: revenue,
          tooltip: [month, orders, revenue, aov],
          sortByMeasure: false,
        }),
        chartRows: [...monthly].reverse(),
      },
      {
        query: q.statusDashboard.name,
        title: 'Status mix',
        rows: byStatus,
        columns: [status, statusOrders, revenue, aov],
        chart: barChart({
          category: status,
          measure: statusOrders,
          color: status,
          tooltip: [status, statusOrders, revenue, aov],
        }),
      },
      {
        query: q.customerTotals.name,
        title: 'Customers by spend',
        description: `The ${TOP} largest in the chart.`,
        rows: byCustomer,
        columns: [customer, spent, orders],
        chart: barChart({
          category: customer,
          measure: spent,
          horizontal: true,
          tooltip: [customer, spent, orders],
        }),
        chartRows: byCustomer.slice(0, TOP),
      },
      {
        query: q.customerAov.name,
        title: 'Average order value of repeat customers',
        description: `Customers with two orders or more; the ${TOP} highest in the chart.`,
        rows: repeat,
        columns: [customer, customerOrders, spent, aov],
        chart: barChart({
          category: customer,
          measure: aov,
          horizontal: true,
          tooltip: [customer, customerOrders, spent, aov],
        }),
        chartRows: repeat.slice(0, TOP),
      },
      {
        query: q.largestOrders.name,
        title: `Largest orders of ${chosen || 'the month'}`,
        description: 'The month is a bound parameter of the query.',
        rows: largest,
        columns: [orderId, customer, column('orderdate', 'date'), status, amount],
        chart: barChart({
          category: orderId,
          measure: amount,
          horizontal: true,
          tooltip: [orderId, customer, status, amount],
        }),
      },
    ],
  };
}

/**
 * `YYYY-MM` as the query's bounds `[first day, first day of the next month)`; anything else is a
 * {@link DashboardMonthError}.
 *
 * @example monthBounds('2025-12') // { month_start: '2025-12-01', next_month_start: '2026-01-01' }
 */
export function monthBounds(month: string): { month_start: string; next_month_start: string } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new DashboardMonthError(month);
  const [year, m] = [Number(match[1]), Number(match[2])];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return {
    month_start: iso(new Date(Date.UTC(year, m - 1, 1))),
    next_month_start: iso(new Date(Date.UTC(year, m, 1))),
  };
}
