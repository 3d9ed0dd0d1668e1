import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@sluice/core';
import { writeParquet } from '@sluice/sinks/parquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, sluice } from '../run-in-process.js';

// The seed's monthly query, verbatim Athena SQL (Trino DATE_PARSE / DATE_FORMAT formats).
const MONTHLY = `SELECT DATE_FORMAT(DATE_PARSE(orderdate, '%Y-%m-%d'), '%Y-%m') AS month, COUNT(orderid) AS total_orders,
  SUM(amount) AS total_revenue FROM processed GROUP BY DATE_FORMAT(DATE_PARSE(orderdate, '%Y-%m-%d'), '%Y-%m') ORDER BY month DESC`;

describe('sluice query', () => {
  let dir: string;
  const at = (name: string) => join(dir, name);
  /** `sluice query` over tables named by their file in the test folder. */
  const query = (tables: Record<string, string>, sql: string) =>
    sluice(
      'query',
      ...Object.entries(tables).flatMap(([name, file]) => ['--table', `${name}=${at(file)}`]),
      '--sql',
      sql,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-query-'));
    await writeFile(
      at('orders.csv'),
      'OrderID,CustomerID,OrderDate,Status,Amount\nO1,C1,2025-05-02,shipped,10.5\nO2,C2,2025-05-20,pending,"1,5"\nO3,C1,2025-06-01,confirmed,4\n',
    );
    await writeFile(
      at('customers.jsonl'),
      '{"customerid":"C1","name":"Ada"}\n{"customerid":"C2","name":"Grace"}\n',
    );
    for (const [status, rows] of [
      ['shipped', 'orderid,amount\nO1,10\nO4,5\n'],
      ['pending', 'orderid,amount\nO2,7\n'],
    ] as const) {
      await mkdir(at(`lake/status=${status}`), { recursive: true });
      await writeFile(at(`lake/status=${status}/part-0.csv`), rows);
    }
    await writeParquet(
      new LocalObjectStore(dir),
      'events.parquet',
      [{ id: '9007199254740993', at: '2025-01-31 08:00:00', kind: 'view' }],
      { schema: { id: 'int64', at: 'timestamp', kind: 'string' } },
    );
  });

  it('runs Athena SQL over a CSV file with lower-cased columns', async () => {
    const amounts = await query(
      { processed: 'orders.csv' },
      'SELECT orderid, amount FROM processed ORDER BY orderid',
    );
    expect(amounts.code).toBe(0);
    expect(amounts.result?.rows).toEqual([
      { orderid: 'O1', amount: '10.5' },
      { orderid: 'O2', amount: '1,5' },
      { orderid: 'O3', amount: '4' },
    ]);
    await writeFile(
      at('clean.csv'),
      'OrderID,OrderDate,Amount\nO1,2025-05-02,10.5\nO2,2025-05-20,1.5\nO3,2025-06-01,4\n',
    );
    const run = await query({ processed: 'clean.csv' }, MONTHLY);
    expect(run.result?.rows).toEqual([
      { month: '2025-06', total_orders: 1, total_revenue: 4 },
      { month: '2025-05', total_orders: 2, total_revenue: 12 },
    ]);
    expect(run.result?.stats).toMatchObject({ engine: 'duckdb', bytesScanned: 0 });
  });

  it('joins a CSV file with a JSON Lines file', async () => {
    const run = await query(
      { orders: 'orders.csv', customers: 'customers.jsonl' },
      'SELECT c.name, COUNT(*) AS n FROM orders o JOIN customers c ON o.customerid = c.customerid GROUP BY c.name ORDER BY c.name',
    );
    expect(run.result?.rows).toEqual([
      { name: 'Ada', n: 2 },
      { name: 'Grace', n: 1 },
    ]);
  });

  it('reads a folder of Hive partitions, the partition a column', async () => {
    const run = await query(
      { lake: 'lake' },
      'SELECT status, SUM(amount) AS total FROM lake GROUP BY status ORDER BY status',
    );
    expect(run.result?.rows).toEqual([
      { status: 'pending', total: 7 },
      { status: 'shipped', total: 15 },
    ]);
  });

  it('prints Parquet values JSON can carry: big integers as text, timestamps in ISO 8601', async () => {
    const run = await query({ events: 'events.parquet' }, 'SELECT * FROM events');
    expect(run.result?.rows).toEqual([
      { id: '9007199254740993', at: '2025-01-31T08:00:00.000Z', kind: 'view' },
    ]);
  });

  it.each([
    [['--sql', 'SELECT 1'], /--table is required/],
    [['--table', 'orders', '--sql', 'SELECT 1'], /--table must be NAME=PATH/],
    [['--table', 'Orders-2025=orders.csv', '--sql', 'SELECT 1'], /--table Orders-2025=orders.csv/],
    [['--table', 'orders=orders.csv'], /--sql is required/],
    [['--table', 'orders=orders.csv', '--sql', 'SELECT 1', '--limit', '3'], /unknown option --limit/],
  ])('exits 2 on bad arguments %j', async (flags, message) => {
    expectUsageError(await sluice('query', ...flags), message);
  });

  it('exits 2 when the format cannot be told from the extension', async () => {
    await writeFile(at('orders.txt'), 'a,b\n1,2\n');
    const run = await query({ orders: 'orders.txt' }, 'SELECT 1');
    expectUsageError(run, /cannot tell the format of .*orders\.txt/);
  });

  it('exits 1 with one line naming a table file that cannot be read', async () => {
    const run = await query({ orders: 'missing.csv' }, 'SELECT 1');
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringContaining(`cannot read ${at('missing.csv')}`)]);
  });

  it('exits 1 with one line when the SQL fails', async () => {
    const run = await query({ orders: 'orders.csv' }, 'SELECT nope FROM orders');
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/nope/);
  });
});
