// Orders CSV → Parquet (ZSTD). Usage: parquet-write.ts <sluice|duckdb> <orders.csv> <out.parquet>
import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LocalObjectStore, openCsv } from '@sluice/core';
import type { ParquetColumnBatch } from '@sluice/sinks/parquet';
import { peakRssMb } from '../rss.js';

// Each variant loads only its own writer: DuckDB's native library is no part of Sluice's run, nor
// apache-arrow and parquet-wasm of DuckDB's.
const [writer, input, output] = process.argv.slice(2) as [string, string, string];
// Rows per batch handed to the writer: any size works; this keeps a batch's strings short-lived.
const BATCH_ROWS = 1024;
const rows = writer === 'sluice' ? await writeWithSluice() : await writeWithDuckDb();
console.log(JSON.stringify({ rows, peakRssMb: peakRssMb() }));

// The CSV reader's fields go into columns as they are: no object per row on the way to the writer.
// 64 KiB reads (Node's default): the reader holds a read's records until they are consumed, and
// with 256 KiB reads more of them outlive a young-generation GC (slower, ~30 MB more RSS here).
async function writeWithSluice(): Promise<number> {
  const { writeParquetColumns } = await import('@sluice/sinks/parquet');
  const csv = await openCsv(createReadStream(input, { highWaterMark: 64 * 1024 }), { file: input });
  const names = ['orderid', 'customerid', 'orderdate', 'status', 'amount'];
  const positions = ['OrderID', 'CustomerID', 'OrderDate', 'Status', 'Amount'].map((name) =>
    csv.header.indexOf(name),
  );
  const batches = async function* (): AsyncGenerator<ParquetColumnBatch> {
    let columns = names.map(() => new Array<string>(BATCH_ROWS));
    let length = 0;
    for await (const record of csv.records) {
      if (!record.ok) continue;
      const fields = record.value.fields;
      for (let i = 0; i < columns.length; i++)
        (columns[i] as string[])[length] = fields[positions[i] as number] as string;
      if (++length === BATCH_ROWS) {
        yield batch(names, columns, length);
        columns = names.map(() => new Array<string>(BATCH_ROWS));
        length = 0;
      }
    }
    yield batch(names, columns, length);
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
  });
  return file.rows;
}

function batch(names: string[], columns: string[][], length: number): ParquetColumnBatch {
  return { length, columns: Object.fromEntries(names.map((name, i) => [name, columns[i]])) };
}

async function writeWithDuckDb(): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
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
