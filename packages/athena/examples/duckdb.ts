// README "DuckDB". Hidden prelude: processed orders under ./data (the test runs it in a temporary folder).
import { mkdir, writeFile } from 'node:fs/promises';

await mkdir('data/orders-bucket/processed', { recursive: true });
await writeFile(
  'data/orders-bucket/processed/orders.csv',
  [
    'orderid,customerid,orderdate,status,amount',
    'O1,C1,2025-01-05,shipped,10.5',
    'O2,C2,2025-01-20,shipped,4.5',
    'O3,C1,2025-02-01,shipped,7',
    'O4,C3,2025-02-02,pending,100',
    '',
  ].join('\n'),
);

// #region readme
import { defineQuery, defineTable } from '@sluice/athena';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import * as z from 'zod/mini';

const processed = defineTable({
  name: 'processed',
  format: 'csv',
  location: 's3://orders-bucket/processed/',
  columns: [
    { name: 'orderid', type: 'string' },
    { name: 'customerid', type: 'string' },
    { name: 'orderdate', type: 'string' },
    { name: 'status', type: 'string' },
    { name: 'amount', type: 'double' },
  ],
});

const monthly = defineQuery({
  name: 'monthly_revenue',
  sql: `SELECT DATE_FORMAT(DATE_PARSE(orderdate, '%Y-%m-%d'), '%Y-%m') AS month, SUM(amount) AS revenue
        FROM processed WHERE status = :status GROUP BY 1 ORDER BY 1`,
  params: { status: z.string() },
  row: z.object({ month: z.string(), revenue: z.number() }),
});

// s3://orders-bucket/processed/ is read from ./data/orders-bucket/processed/
const engine = await createDuckDbEngine({ localRoot: './data', tables: [processed] });
const { rows } = await engine.run(monthly, { status: 'shipped' }); // { month: string; revenue: number }[]
await engine.close();
// #endregion

export const ran = { rows };
