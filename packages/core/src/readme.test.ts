import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { objectSink, openCsv, pipeline } from './index.js';
import { LocalObjectStore } from './storage/local/local-object-store.js';
import { readText } from './storage/object-store.js';

// The README's "pipeline in ten lines", run as written.
it('runs the README pipeline: kept rows byte for byte, rejects with positions, a balanced report', async () => {
  const store = new LocalObjectStore(await mkdtemp(join(tmpdir(), 'sluice-readme-')));
  await store.put(
    'raw/orders.csv',
    'OrderID,CustomerID,OrderDate,Status\nO1,C1,2025-06-01, shipped\nO2,C2,2025-06-02,\nO3,C3\n',
  );
  const csv = await openCsv(await store.get('raw/orders.csv'), { file: 'raw/orders.csv', keepRaw: true });
  const lines = (rows: readonly { raw?: string }[]) => rows.map((row) => `${row.raw}\n`).join('');
  const jsonl = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const report = await pipeline(csv.records)
    .filter((row) => row.fields[3]?.trim() !== '', 'no-status')
    .run({
      sink: objectSink(store, 'processed/orders.csv', lines, { header: `${csv.headerRaw}\n` }),
      quarantine: objectSink(store, 'quarantine/orders.jsonl', jsonl),
    });
  expect(report).toMatchObject({
    read: 3,
    kept: 1,
    dropped: { 'no-status': 1 },
    rejected: { 'ragged-row': 1 },
  });
  expect(await readText(store, 'processed/orders.csv')).toBe(
    'OrderID,CustomerID,OrderDate,Status\nO1,C1,2025-06-01, shipped\n',
  );
  const quarantined = JSON.parse(await readText(store, 'quarantine/orders.jsonl'));
  expect(quarantined.position).toEqual({ kind: 'file', file: 'raw/orders.csv', line: 4 });
});
