// Scoring throughput from CSV. Usage: scoring.ts <customers|maintenance> <file.csv>
// customers: scoreCustomerRows over the CSV reader. maintenance: readings in Kinesis-sized batches
// of 500 through scoreMaintenanceBatch. Timed in-process from open to last record (startup excluded).
import { createReadStream } from 'node:fs';
import type { SourceRecord } from '@sluice/core';
import { openCsv } from '@sluice/core';
import { scoreCustomerRows } from '@sluice/transforms/customers';
import { scoreMaintenanceBatch } from '@sluice/transforms/maintenance';
import { peakRssMb } from '../rss.js';

const [kind, input] = process.argv.slice(2) as [string, string];
const started = process.hrtime.bigint();
const csv = await openCsv(createReadStream(input, { highWaterMark: 256 * 1024 }), { file: input });
const counts = kind === 'customers' ? await scoreCustomers() : await scoreReadings();
const scoreMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ ...counts, scoreMs, peakRssMb: peakRssMb() }));

async function scoreCustomers() {
  let scored = 0;
  let rejected = 0;
  for await (const row of scoreCustomerRows(csv, { file: input })) row.ok ? scored++ : rejected++;
  return { scored, rejected };
}

async function scoreReadings() {
  let batch: SourceRecord<unknown>[] = [];
  const totals = { scored: 0, rejected: 0, alerts: 0 };
  const score = () => {
    const result = scoreMaintenanceBatch(batch);
    totals.scored += result.scored.length;
    totals.rejected += result.rejections.length;
    totals.alerts += result.alerts.length;
    batch = [];
  };
  for await (const record of csv.records) {
    if (!record.ok) continue;
    const value = Object.fromEntries(csv.header.map((name, i) => [name, record.value.fields[i]]));
    batch.push({ ok: true, value });
    if (batch.length === 500) score();
  }
  score();
  return totals;
}
