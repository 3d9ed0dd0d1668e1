import { expect, it } from 'vitest';
import { readmeExamples } from '../../../scripts/readme-examples.js';

// Every ```ts block of the README is one of these files (scripts/readme-examples.ts); importing a
// file runs it, in a temporary folder: DuckDB reads local files, Athena is AthenaFake on 127.0.0.1.
readmeExamples(import.meta.dirname, 'athena');

it('queries: named parameters bound, rows validated', async () => {
  const { rows, stats } = (await import('./queries.js')).ran;
  expect(rows).toEqual([{ orderid: 2, status: 'pending' }]);
  expect(stats).toMatchObject({ engine: 'duckdb', bytesScanned: 0, costUsd: 0 });
});

it('Athena: streams the rows, parameters sent as SQL literals, idempotent token', async () => {
  const { rows, started } = (await import('./athena-engine.js')).ran;
  expect(rows).toEqual([{ orderid: 2, status: 'pending' }]);
  expect(started[0]).toMatchObject({
    sql: 'SELECT orderid, status FROM orders WHERE orderdate >= ? AND status = ?',
    parameters: ["DATE '2025-01-01'", "'pending'"],
    workGroup: 'analytics',
    database: 'sales',
    outputLocation: 's3://my-bucket/athena-results/',
  });
});

it('AthenaFake: scripted polls, throttled calls retried, typed pages', async () => {
  const { rows, polls } = (await import('./athena-fake.js')).ran;
  expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
  expect(polls).toBeGreaterThanOrEqual(6); // two throttled, three running, one final
});

it('DuckDB: Trino date functions over local files', async () => {
  const { rows } = (await import('./duckdb.js')).ran;
  expect(rows).toEqual([
    { month: '2025-01', revenue: 15 },
    { month: '2025-02', revenue: 7 },
  ]);
});

it('tables: DDL run on Athena, the CDK table input', async () => {
  const { sql, tableInput } = (await import('./tables.js')).ran;
  expect(sql[0]).toMatch(/^CREATE EXTERNAL TABLE IF NOT EXISTS `clickstream`\.`clicks`/);
  expect(tableInput).toMatchObject({
    name: 'clicks',
    partitionKeys: [{ name: 'datehour', type: 'string' }],
    parameters: expect.objectContaining({ 'projection.datehour.format': 'yyyy/MM/dd/HH' }),
  });
});
