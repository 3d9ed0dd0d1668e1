import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isBalanced, type Rejection } from '@sluice/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from './local.js';

const AS_OF = '2025-06-30';
const DAY_MS = 86_400_000;

/** The stale-order rule written the plain way, for files as small and regular as the generated ones. */
function expectedOutcomes(input: string) {
  const [header = '', ...lines] = input.split('\n').filter((line) => line !== '');
  const kept: string[] = [];
  const rejected = new Map<number, string>();
  let stale = 0;
  lines.forEach((line, i) => {
    const fields = line.split(',');
    const [, , date = '', status = ''] = fields;
    const day = Date.parse(`${date}T00:00:00Z`);
    const real = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(day).toISOString().startsWith(date);
    if (fields.length !== 5) rejected.set(i + 2, 'ragged-row');
    else if (status.trim() === '') rejected.set(i + 2, 'missing-status');
    else if (!real) rejected.set(i + 2, 'invalid-date');
    else if (
      ['pending', 'cancelled', 'canceled'].includes(status.trim().toLowerCase()) &&
      (Date.parse(`${AS_OF}T00:00:00Z`) - day) / DAY_MS > 30
    )
      stale++;
    else kept.push(line);
  });
  return { header, kept, rejected, stale };
}

const amountOf = (line: string) => Number(line.split(',')[4]);
const cents = (n: number) => Math.round(n * 100);

describe('orders dashboard, run locally end to end', () => {
  let dir: string;
  let result: DemoResult;
  let expected: ReturnType<typeof expectedOutcomes>;
  const bucket = (key: string) => join(dir, 'bucket', key);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orders-dashboard-'));
    result = await runDemo({ dir, rows: 600, seed: 7, log: () => {} });
    expected = expectedOutcomes(await readFile(join(dir, 'input', 'orders.csv'), 'utf8'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accounts for every order: read = kept + dropped + rejected', () => {
    const report = result.reports['filter-stale-orders'];
    expect(report && isBalanced(report)).toBe(true);
    expect(report).toMatchObject({
      read: 600,
      kept: expected.kept.length,
      dropped: { stale: expected.stale },
    });
    expect(expected.rejected.size).toBeGreaterThan(0);
  });

  it('writes the kept rows byte for byte under processed/', async () => {
    const processed = await readFile(bucket('processed/orders.csv'), 'utf8');
    expect(processed).toBe(`${[expected.header, ...expected.kept].join('\n')}\n`);
  });

  it('quarantines each rejected row with its reason and line', async () => {
    const text = await readFile(bucket('quarantine/orders.jsonl'), 'utf8');
    const entries = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Rejection);
    const found = new Map(
      entries.map((entry) => [entry.position?.kind === 'file' ? entry.position.line : -1, entry.reason]),
    );
    expect(found).toEqual(expected.rejected);
    expect(entries[0]?.position).toMatchObject({ file: 's3://orders-dashboard/raw/orders.csv' });
  });

  it('writes Parquet that DuckDB reads back with the rows and amounts of the CSV', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, sum(amount)::DOUBLE AS total FROM read_parquet('${bucket('processed-parquet/orders.parquet')}')`,
    );
    const [n, total] = reader.getRows()[0] as [number, number];
    connection.closeSync();
    instance.closeSync();
    expect(n).toBe(expected.kept.length);
    expect(cents(total)).toBe(cents(expected.kept.reduce((sum, line) => sum + amountOf(line), 0)));
  });

  it('saves the report of the run under reports/', async () => {
    const saved = JSON.parse(await readFile(bucket('reports/orders.json'), 'utf8'));
    expect(saved.report).toEqual(result.reports['filter-stale-orders']);
    expect(saved.parquet).toMatchObject({ rows: expected.kept.length, rejected: 0 });
    expect(saved.parquet.columns.map((c: { name: string }) => c.name)).toEqual([
      'orderid',
      'customerid',
      'orderdate',
      'status',
      'amount',
    ]);
  });

  it('answers the seed queries consistently with the processed rows', () => {
    const [totals, monthly, statuses, aov, largest] = result.queries.map((q) => q.rows);
    const sumOf = (rows: Record<string, unknown>[] | undefined, field: string) =>
      (rows ?? []).reduce((sum, row) => sum + Number(row[field]), 0);
    expect(sumOf(totals, 'total_orders')).toBe(expected.kept.length);
    expect(sumOf(monthly, 'total_orders')).toBe(expected.kept.length);
    expect(sumOf(statuses, 'order_count')).toBe(expected.kept.length);
    expect(monthly?.map((row) => row.month)).toEqual(['2025-06', '2025-05', '2025-04', '2025-03']);

    const perCustomer = new Map<string, number>();
    for (const line of expected.kept) {
      const customer = line.split(',')[1] as string;
      perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + 1);
    }
    expect(aov).toHaveLength([...perCustomer.values()].filter((n) => n >= 2).length);

    const may = expected.kept.filter((line) => line.split(',')[2]?.startsWith('2025-05'));
    const topMay = may
      .map(amountOf)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(largest?.map((row) => row.amount)).toEqual(topMay);
  });

  it('saves each query result under enriched/ as JSON and CSV', async () => {
    for (const query of result.queries) {
      const json = JSON.parse(await readFile(bucket(`enriched/${query.name}.json`), 'utf8'));
      expect(json).toEqual(query.rows);
      const csv = (await readFile(bucket(`enriched/${query.name}.csv`), 'utf8')).trim().split('\n');
      expect(csv).toHaveLength(query.rows.length + 1);
    }
  });

  it('returns a result the demo can print as JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
