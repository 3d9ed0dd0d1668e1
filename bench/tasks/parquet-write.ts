// Orders CSV → Parquet (ZSTD). Usage: parquet-write.ts <sluice|duckdb> <orders.csv> <out.parquet>
import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LocalObjectStore, openCsv } from '@sluice/core';
import { writeParquet } from '@sluice/sinks/parquet';
import { peakRssMb } from '../rss.js';

const [writer, input, output] = process.argv.slice(2) as [string, string, string];
const rows = writer === 'sluice' ? await writeWithSluice() : await writeWithDuckDb();
console.log(JSON.stringify({ rows, peakRssMb: peakRssMb() }));

async function writeWithSluice(): Promise<number> {
  const csv = await openCsv(createReadStream(input, { highWaterMark: 256 * 1024 }), { file: input });
  const at = (name: string) => csv.header.indexOf(name);
  const [id, customer, date, status, amount] = ['OrderID', 'CustomerID', 'OrderDate', 'Status', 'Amount'].map(
    at,
  );
  const orders = async function* () {
    for await (const record of csv.records) {
      if (!record.ok) continue;
      const f = record.value.fields;
      yield {
        orderid: f[id as number],
        customerid: f[customer as number],
        orderdate: f[date as number],
        status: f[status as number],
        amount: f[amount as number],
      };
    }
  };
  const file = await writeParquet(new LocalObjectStore(dirname(output)), basename(output), orders(), {
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

async function writeWithDuckDb(): Promise<number> {
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
