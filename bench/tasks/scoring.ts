// Scoring throughput from CSV. Usage: scoring.ts <customers|maintenance> <file.csv>
// customers: scoreCustomersCsv. maintenance: readings read through the same CSV reader (columns by
// normalised name), in Kinesis-sized batches of 500 through scoreMaintenanceBatch. Timed in-process
// from open to last record (startup excluded).
import { createReadStream } from 'node:fs';
import type { SourceRecord } from '@sluice/core';
import { openCsvScan } from '@sluice/core';
import { headerColumns } from '@sluice/transforms';
import { scoreCustomersCsv } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS, scoreMaintenanceBatch } from '@sluice/transforms/maintenance';
import { peakRssMb } from '../rss.js';

const [kind, input] = process.argv.slice(2) as [string, string];
const started = process.hrtime.bigint();
const open = () => createReadStream(input, { highWaterMark: 256 * 1024 });
const counts = kind === 'customers' ? await scoreCustomers() : await scoreReadings();
const scoreMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ ...counts, scoreMs, peakRssMb: peakRssMb() }));

async function scoreCustomers() {
  let scored = 0;
  let rejected = 0;
  const run = await scoreCustomersCsv(open(), { file: input, onRejected: () => rejected++ });
  for await (const _ of run.customers) scored++;
  return { scored, rejected };
}

async function scoreReadings() {
  const scan = await openCsvScan(open(), { file: input });
  const columns = headerColumns(scan.header, MACHINE_READING_COLUMNS, input);
  let batch: SourceRecord<unknown>[] = [];
  const totals = { scored: 0, rejected: 0, alerts: 0 };
  const score = () => {
    const result = scoreMaintenanceBatch(batch);
    totals.scored += result.scored.length;
    totals.rejected += result.rejections.length;
    totals.alerts += result.alerts.length;
    batch = [];
  };
  const take = (fields: string[]) => {
    batch.push({ ok: true, value: columns.row(fields) });
    if (batch.length === 500) score();
    return 'keep' as const;
  };
  await scan.drain({ record: (record) => take(record.fields) }, { onRejected: () => {} });
  score();
  return totals;
}
