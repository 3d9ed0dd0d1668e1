// The orders pipeline's object step: one raw CSV → kept CSV + Parquet + quarantine.
// Usage: orders-pipeline.ts <sluice|duckdb> <orders.csv> <out-dir> <asOf>
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { peakRssMb } from '../rss.js';

const [engine, input, outDir, asOf] = process.argv.slice(2) as [string, string, string, string];
await rm(outDir, { recursive: true, force: true });
await mkdir(join(outDir, 'raw'), { recursive: true });
const counts = engine === 'sluice' ? await withSluice() : await withDuckDb();
console.log(JSON.stringify({ ...counts, peakRssMb: peakRssMb() }));

// As the S3 handler does it, over a folder as the bucket: the raw object is read once.
async function withSluice() {
  const { LocalObjectStore } = await import('@sluice/core/storage');
  const { filterOrdersObject } = await import('../../examples/orders-dashboard/src/filter-orders-object.js');
  await symlink(resolve(input), join(outDir, 'raw', 'orders.csv'));
  const options = { asOf, parquetEncodeIn: 'worker' as const };
  const result = await filterOrdersObject(new LocalObjectStore(outDir), 'raw/orders.csv', options);
  return { kept: result.report.kept, parquetRows: result.parquet.rows, quarantined: result.quarantined };
}

// DuckDB's way to one read: the kept rows into a temporary table, then one COPY to each format.
async function withDuckDb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const out = (name: string) => join(outDir, name).replaceAll("'", "''");
  await connection.run(
    `CREATE TEMP TABLE kept AS SELECT * FROM read_csv($input, header = true, auto_detect = false,
       columns = {'OrderID': 'VARCHAR', 'CustomerID': 'VARCHAR', 'OrderDate': 'VARCHAR', 'Status': 'VARCHAR', 'Amount': 'DOUBLE'})
     WHERE NOT (lower(trim(Status)) IN ('pending', 'cancelled', 'canceled')
                AND date_diff('day', CAST(OrderDate AS DATE), CAST($asOf AS DATE)) > 30)`,
    { input, asOf },
  );
  await connection.run(`COPY kept TO '${out('kept.csv')}' (HEADER, DELIMITER ',')`);
  await connection.run(`COPY kept TO '${out('kept.parquet')}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
  const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM kept');
  return { kept: Number(reader.getRowObjects()[0]?.n ?? 0) };
}
