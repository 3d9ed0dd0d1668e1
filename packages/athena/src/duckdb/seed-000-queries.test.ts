import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { duckDbEngineForTests } from './fixtures/engine-for-tests.js';
import { processedOrders as processed } from './fixtures/processed-orders.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

// The seed's five queries, split at the semicolons that end them.
const [totalsByCustomer, monthly, byStatus, aovPerCustomer, topFebruary] = readFileSync(
  fixture('seed-000-athena-queries.sql'),
  'utf8',
)
  .replace(/^--.*\n/gm, '')
  .split(/;\n/)
  .map((sql) => sql.trim())
  .filter((sql) => sql.length > 0) as [string, string, string, string, string];

describe('seed 000 Athena queries, verbatim on DuckDB', () => {
  const engine = duckDbEngineForTests({ tables: [processed] });

  it('query 1: total sales by customer', async () => {
    const { rows } = await engine.execute(totalsByCustomer);
    expect(rows).toEqual([
      { customerid: 'C2', total_spent: 750.5, total_orders: 2 },
      { customerid: 'C1', total_spent: 421, total_orders: 3 },
      { customerid: 'C3', total_spent: 115, total_orders: 2 },
      { customerid: 'C4', total_spent: 60, total_orders: 1 },
      { customerid: 'C5', total_spent: 10, total_orders: 1 },
    ]);
  });

  it('query 2: monthly order volume and revenue, with Trino date formats', async () => {
    const { rows } = await engine.execute(monthly);
    expect(rows.map((r) => [r.month, r.total_orders, r.total_revenue])).toEqual([
      ['2025-03', 3, 110],
      ['2025-02', 4, 896],
      ['2025-01', 2, 350.5],
    ]);
    expect(rows.map((r) => r.avg_order_value)).toEqual([expect.closeTo(110 / 3, 9), 224, 175.25]);
  });

  it.each([
    [
      '3: order status dashboard',
      byStatus,
      [
        { status: 'shipped', order_count: 4, total_revenue: 960.25, avg_order_value: 240.06 },
        { status: 'confirmed', order_count: 3, total_revenue: 281.25, avg_order_value: 93.75 },
        { status: 'pending', order_count: 2, total_revenue: 115, avg_order_value: 57.5 },
      ],
    ],
    [
      '4: average order value per repeat customer',
      aovPerCustomer,
      [
        { customerid: 'C2', number_of_orders: 2, total_spent: 750.5, avg_order_value: 375.25 },
        { customerid: 'C1', number_of_orders: 3, total_spent: 421, avg_order_value: 140.33 },
        { customerid: 'C3', number_of_orders: 2, total_spent: 115, avg_order_value: 57.5 },
      ],
    ],
    [
      '5: largest orders of February 2025',
      topFebruary,
      [
        { orderid: 'ORD005', customerid: 'C2', orderdate: '2025-02-14', status: 'shipped', amount: 500 },
        { orderid: 'ORD003', customerid: 'C1', orderdate: '2025-02-03', status: 'shipped', amount: 300.25 },
        { orderid: 'ORD004', customerid: 'C3', orderdate: '2025-02-10', status: 'pending', amount: 75 },
        { orderid: 'ORD006', customerid: 'C1', orderdate: '2025-02-28', status: 'confirmed', amount: 20.75 },
      ],
    ],
  ])('query %s', async (_, query, expected) => {
    expect((await engine.execute(query)).rows).toEqual(expected);
  });
});
