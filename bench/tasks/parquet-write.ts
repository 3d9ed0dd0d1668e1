// Orders CSV → Parquet (ZSTD). Usage: parquet-write.ts <sluice|duckdb> <orders.csv> <out.parquet>
import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LocalObjectStore, readCsvColumns } from '@sluice/core';
import type { ParquetColumnBatch } from '@sluice/sinks/parquet';
import { peakRssMb } from '../rss.js';

// Each variant loads only its own writer: DuckDB's native library is no part of Sluice's run, nor
// apache-arrow and parquet-wasm of DuckDB's.
const [writer, input, output] = process.argv.slice(2) as [string, string, string];
// Rows per CSV batch handed to the writer: any size works; 1,024 keeps a batch's strings short-lived
// (4,096 and 16,384 were slower here: more strings outlive a young-generation GC).
const BATCH_ROWS = 1024;
const rows = writer === 'sluice' ? await writeWithSluice() : await writeWithDuckDb();
console.log(JSON.stringify({ rows, peakRssMb: peakRssMb() }));

// The CSV reader's column batches go to the writer as they are: no array or object per row.
// 64 KiB reads (Node's default): a read's fields live until the writer has appended them, and
// larger reads let more of them outlive a young-generation GC.
async function writeWithSluice(): Promise<number> {
  const { writeParquetColumns } = await import('@sluice/sinks/parquet');
  const csv = await readCsvColumns(createReadStream(input, { highWaterMark: 64 * 1024 }), {
    file: input,
    batchRows: BATCH_ROWS,
  });
  const names = {
    orderid: 'OrderID',
    customerid: 'CustomerID',
    orderdate: 'OrderDate',
    status: 'Status',
    amount: 'Amount',
  };
  const positions = Object.entries(names).map(
    ([name, header]) => [name, csv.header.indexOf(header)] as const,
  );
  const batches = async function* (): AsyncGenerator<ParquetColumnBatch> {
    for await (const { length, columns } of csv.batches) {
      yield { length, columns: Object.fromEntries(positions.map(([name, at]) => [name, columns[at]])) };
    }
  };
  const file = await writeParquetColumns(new LocalObjectStore(dirname(output)), basename(output), batches(), {
    schema: {
      orderid: 'string',
      customerid: 'string',
      orderdate: 'date',
      status: 'string',
      amount: { type: 'decimal', precision: 18, scale: 2 },
    },
    compression: 'zstd',
    // Encode row groups on the second core while this thread reads the CSV.
    encodeIn: process.env.SLUICE_PARQUET_ENCODE_IN === 'main' ? 'main' : 'worker',
  });
  return file.rows;
}

async function writeWithDuckDb(): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
  await connection.run(
    `COPY (
       SELECT OrderID AS orderid, CustomerID AS customerid, OrderDate AS orderdate, Status AS status, Amount AS amount
       FROM read_csv(${quoted(input)}, header = true, auto_detect = false,
         columns = {'OrderID': 'VARCHAR', 'CustomerID': 'VARCHAR', 'OrderDate': 'DATE', 'Status': 'VARCHAR', 'Amount': 'DECIMAL(18,2)'})
     ) TO ${quoted(output)} (FORMAT PARQUET, COMPRESSION ZSTD)`,
  );
  const count = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${quoted(output)})`,
  );
  return Number(count.getRowObjectsJS()[0]?.n ?? 0);
}
