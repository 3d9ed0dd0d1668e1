// README "Queries", on the DuckDB engine. Hidden prelude: an orders table over a local CSV.
import { mkdir, writeFile } from 'node:fs/promises';
import { defineTable } from '@sluice/athena';
import { createDuckDbEngine } from '@sluice/athena/duckdb';

await mkdir('data/shop/orders', { recursive: true });
await writeFile(
  'data/shop/orders/orders.csv',
  'orderid,status,orderdate\n1,pending,2024-12-31\n2,pending,2025-01-02\n3,shipped,2025-01-03\n',
);
const types = { orderid: 'int', status: 'string', orderdate: 'date' };
const orders = defineTable({
  name: 'orders',
  format: 'csv',
  location: 's3://shop/orders/',
  columns: Object.entries(types).map(([name, type]) => ({ name, type })),
});
const engine = await createDuckDbEngine({ localRoot: 'data', tables: [orders] });

// #region readme
import { dateParam, defineQuery, sqlDate } from '@sluice/athena';
import * as z from 'zod/mini';

const ordersSince = defineQuery({
  name: 'orders_since',
  sql: 'SELECT orderid, status FROM orders WHERE orderdate >= :from AND status = :status',
  params: { from: dateParam(), status: z.string() },
  row: z.object({ orderid: z.number(), status: z.string() }),
});

const { rows, stats } = await engine.run(ordersSince, { from: sqlDate('2025-01-01'), status: 'pending' });
// rows: [{ orderid: 2, status: 'pending' }], stats: { engine: 'duckdb', bytesScanned: 0, costUsd: 0, … }
// #endregion

await engine.close();
export const ran = { rows, stats };
export { ordersSince };
