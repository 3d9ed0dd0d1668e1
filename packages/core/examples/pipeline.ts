// README "The pipeline in ten lines". Hidden prelude: an orders file under ./data (the test runs
// this in a temporary folder).
import { mkdir, writeFile } from 'node:fs/promises';

await mkdir('data/raw', { recursive: true });
await writeFile(
  'data/raw/orders.csv',
  'OrderID,CustomerID,OrderDate,Status\nO1,C1,2025-06-01, shipped\nO2,C2,2025-06-02,\nO3,C3\n',
);

// #region readme
import { LocalObjectStore, objectSink, openCsv, pipeline } from '@sluice/core';

const store = new LocalObjectStore('data');
const csv = await openCsv(await store.get('raw/orders.csv'), { file: 'raw/orders.csv', keepRaw: true });
const lines = (rows: readonly { raw?: string }[]) => rows.map((row) => `${row.raw}\n`).join('');
const jsonl = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
const report = await pipeline(csv.records)
  .filter((row) => row.fields[3]?.trim() !== '', 'no-status')
  .run({
    sink: objectSink(store, 'processed/orders.csv', lines, { header: `${csv.headerRaw}\n` }),
    quarantine: objectSink(store, 'quarantine/orders.jsonl', jsonl),
  });
// #endregion

export const ran = { report, store };
