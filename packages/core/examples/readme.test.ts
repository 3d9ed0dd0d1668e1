import { describe, expect, it, vi } from 'vitest';
import { readmeExamples } from '../../../scripts/readme-examples.js';
import { readText } from '../src/storage/object-store.js';

// Every ```ts block of the README is one of these files (scripts/readme-examples.ts); importing a
// file runs it, in a temporary folder, since the snippets use relative folders as a reader's would.
readmeExamples(import.meta.dirname, 'core');

it('pipeline: keeps rows byte for byte, quarantines with positions, balances the report', async () => {
  const { report, store } = (await import('./pipeline.js')).ran;
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

it('object stores: puts chunks and lists them with their sizes', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const { store } = (await import('./object-stores.js')).ran;
  expect(log.mock.calls).toEqual([['raw/orders.csv', 20]]);
  expect(await readText(store, 'raw/orders.csv')).toBe('id,status\n1,shipped\n');
  log.mockRestore();
});

describe('object store contract, as the README registers it', async () => {
  await import('./object-store-contract.js');
});

it('SQS handler under the local runner: redeliveries, conflicts and bad bodies as the README says', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the retried message's error log
  const { report } = (await import('./sqs-runner.js')).ran;
  const logged = stderr.mock.calls.map(([line]) => JSON.parse(String(line)));
  stderr.mockRestore();
  expect(logged[0]).toMatchObject({ level: 'ERROR', error: { name: 'Error', message: 'throttled' } });
  const { rows, quarantine } = (await import('./sqs-handler.js')).ran;
  expect(report).toMatchObject({
    invocations: 3,
    received: 5,
    delivered: 7,
    redelivered: 2,
    acknowledged: 4,
    deadLettered: 1,
  });
  expect(report.deadLetters.map((letter) => letter.record.body)).toEqual(['{"id":"t2","amount":-1}']);
  expect([...rows.keys()]).toEqual(['t1']);
  expect(quarantine.rejections.map((r) => r.reason)).toEqual(['conflict', 'invalid-json']);
});
