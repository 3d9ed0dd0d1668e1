import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processedOrders } from '../duckdb/fixtures/processed-orders.js';
import { createDuckDbEngine, type DuckDbEngine } from '../duckdb/index.js';
import { columnsOf } from '../tables/fixtures/columns.js';
import { defineTable } from '../tables/table-definition.js';
import { type CtasSpec, toCtasSql, toDuckDbCopySql, toUnloadSql } from './ctas.js';
import { CtasDefinitionError } from './errors.js';

const toParquet: CtasSpec = {
  table: 'lake.orders_parquet',
  columns: ['orderid', 'customerid', { expression: 'CAST(amount AS decimal(10,2))', as: 'amount' }, 'status'],
  from: 'processed WHERE amount > 0',
  location: 's3://lake-bucket/orders_parquet',
  partitionedBy: ['status'],
};

describe('Athena CTAS and UNLOAD', () => {
  it('builds a CTAS writing ZSTD Parquet partitioned by the last column', () => {
    expect(toCtasSql(toParquet)).toMatchInlineSnapshot(`
      "CREATE TABLE "lake"."orders_parquet"
      WITH (
        format = 'PARQUET',
        write_compression = 'ZSTD',
        external_location = 's3://lake-bucket/orders_parquet/',
        partitioned_by = ARRAY['status']
      )
      AS SELECT "orderid", "customerid", CAST(amount AS decimal(10,2)) AS "amount", "status"
      FROM processed WHERE amount > 0"
    `);
  });

  it('builds the equivalent UNLOAD', () => {
    expect(toUnloadSql(toParquet)).toMatchInlineSnapshot(`
      "UNLOAD (SELECT "orderid", "customerid", CAST(amount AS decimal(10,2)) AS "amount", "status"
      FROM processed WHERE amount > 0)
      TO 's3://lake-bucket/orders_parquet/'
      WITH (format = 'PARQUET', compression = 'ZSTD', partitioned_by = ARRAY['status'])"
    `);
  });

  it('refuses partition columns that are not last in the SELECT, as Athena would', () => {
    const spec = { ...toParquet, columns: ['status', 'orderid', 'amount'] };
    expect(() => toCtasSql(spec)).toThrow(CtasDefinitionError);
    expect(() => toUnloadSql(spec)).toThrow('must be the last columns of the SELECT');
  });

  it('refuses a non-S3 location and unsafe column names', () => {
    expect(() => toCtasSql({ ...toParquet, location: '/tmp/x' })).toThrow('must be an s3:// prefix');
    expect(() => toCtasSql({ ...toParquet, columns: ['orderid; drop', 'status'] })).toThrow('orderid; drop');
  });
});

describe('DuckDB COPY, the local CTAS', () => {
  let engine: DuckDbEngine;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-ctas-'));
    engine = await createDuckDbEngine({ tables: [processedOrders] });
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes Hive partition folders that read back with the same rows and sums', async () => {
    const target = join(dir, 'orders_parquet');
    await engine.execute(toDuckDbCopySql(toParquet, target));
    expect((await readdir(target)).sort()).toEqual(['status=confirmed', 'status=pending', 'status=shipped']);
    await engine.registerTable(
      defineTable({
        name: 'orders_parquet',
        format: 'parquet',
        location: target,
        columns: columnsOf('orderid:string customerid:string amount:decimal(10,2)'),
        partitions: [{ name: 'status', type: 'string' }],
      }),
    );
    const totals =
      'SELECT status, count(*) AS orders, sum(amount) AS total FROM {t} GROUP BY status ORDER BY status';
    const before = await engine.execute(totals.replace('{t}', 'processed'));
    const after = await engine.execute(totals.replace('{t}', 'orders_parquet'));
    expect(before.rows).toEqual([
      { status: 'confirmed', orders: 3, total: 281.25 },
      { status: 'pending', orders: 2, total: 115 },
      { status: 'shipped', orders: 4, total: 960.25 },
    ]);
    expect(after.rows.map((r) => ({ ...r, total: Number(r.total) }))).toEqual(before.rows);
  });
});
