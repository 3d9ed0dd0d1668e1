import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { dataset, outputFile } from '../data.js';
import { bundledTask, measure } from '../harness.js';
import type { CaseReport } from '../report.js';
import { ratio } from '../report.js';
import type { BenchSettings } from './case.js';

// A bundle cannot carry parquet-wasm's .wasm file; point the loader at the installed one.
const sinksRequire = createRequire(new URL('../../packages/sinks/package.json', import.meta.url));
process.env.SLUICE_PARQUET_WASM ??= sinksRequire.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');

/** Case 2: orders CSV → Parquet with ZSTD, Sluice's writer vs DuckDB COPY; files read back by DuckDB. */
export async function parquetWrite({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const input = await dataset('orders', rows);
  const files = {
    sluice: outputFile(`orders-${rows}-sluice.parquet`),
    duckdb: outputFile(`orders-${rows}-duckdb.parquet`),
  };
  const results = await measure(
    [
      { name: 'sluice', command: await bundledTask('parquet-write.ts', 'sluice', input, files.sluice) },
      { name: 'duckdb', command: await bundledTask('parquet-write.ts', 'duckdb', input, files.duckdb) },
    ],
    runs,
  );
  const [sluice, duckdb] = results as [(typeof results)[number], (typeof results)[number]];
  const sizes = { sluice: (await stat(files.sluice)).size, duckdb: (await stat(files.duckdb)).size };
  const sums = { sluice: await readBack(files.sluice), duckdb: await readBack(files.duckdb) };
  const columns = { sluice: await columnBytes(files.sluice), duckdb: await columnBytes(files.duckdb) };
  const time = ratio(sluice.medianMs, duckdb.medianMs);
  const size = ratio(sizes.sluice, sizes.duckdb);
  const same = JSON.stringify(sums.sluice) === JSON.stringify(sums.duckdb);
  return {
    name: 'parquet-write',
    title: 'orders CSV → Parquet (ZSTD)',
    rows: results.map((r) => ({
      variant: r.name,
      rows,
      medianMs: r.medianMs,
      medianRssMb: r.medianRssMb,
      ratios: `${ratio(r.medianMs, duckdb.medianMs)}× duckdb time`,
      note: `${(sizes[r.name as 'sluice' | 'duckdb'] / 1e6).toFixed(2)} MB file`,
    })),
    goals: [
      { goal: 'time ≤ 2× DuckDB', measured: `${time}×`, met: time <= 2 },
      { goal: 'file size ≤ 0.9× DuckDB', measured: `${size}×`, met: size <= 0.9 },
      { goal: 'peak RSS ≤ 250 MB', measured: `${sluice.medianRssMb} MB`, met: sluice.medianRssMb <= 250 },
      { goal: 'read back by DuckDB with identical sums', measured: same ? 'identical' : 'DIFFER', met: same },
    ],
    checks: { readBack: sums, columns },
  };
}

/** Counts and sums an independent reader (DuckDB) sees in a Parquet file. */
async function readBack(file: string): Promise<Record<string, unknown>> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT::VARCHAR AS rows, sum(amount)::VARCHAR AS amount, count(DISTINCT customerid)::VARCHAR AS customers,
            min(orderdate)::VARCHAR AS first, max(orderdate)::VARCHAR AS last, sum(length(status))::VARCHAR AS status_chars,
            sum(hash(orderid) % 1000003)::VARCHAR AS ids
     FROM read_parquet('${file.replaceAll("'", "''")}')`,
  );
  connection.closeSync();
  return reader.getRowObjectsJS()[0] ?? {};
}

/** Where a file's bytes go: each column's encodings and compressed size in KB, over all row groups. */
async function columnBytes(file: string): Promise<Record<string, string>> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await connection.runAndReadAll(
    `SELECT path_in_schema AS col, string_agg(DISTINCT encodings, ' ') AS enc,
            round(sum(total_compressed_size) / 1000)::BIGINT::VARCHAR AS kb, count(*)::VARCHAR AS groups
     FROM parquet_metadata('${file.replaceAll("'", "''")}') GROUP BY col ORDER BY col`,
  );
  connection.closeSync();
  const rows = reader.getRowObjectsJS() as { col: string; enc: string; kb: string; groups: string }[];
  return Object.fromEntries(rows.map((r) => [r.col, `${r.kb} KB, ${r.groups} groups, ${r.enc}`]));
}
