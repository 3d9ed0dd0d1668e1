import { MemoryObjectStore, type Rejection, readBytes, readText } from '@sluice/core';
import { s3PutEvent } from '@sluice/core/testing';
import { filterStaleOrders } from '@sluice/transforms/orders';
import { describe, expect, it } from 'vitest';
import {
  CORPUS,
  type CorpusEntry,
  corpusBytes,
  corpusEntries,
  countsOf,
  isRefusal,
  reportCounts,
} from '../../../../packages/core/test/csv-corpus/corpus.js';
import { orderOutputKeys } from '../object-keys.js';
import { filterOrdersHandler } from './filter-orders.js';

// The orders files of the bad-input corpus put under raw/ and handled as S3 would deliver them: the
// report saved under reports/ is the manifest's, the quarantine holds exactly the rejected rows, and
// processed/ holds the bytes the stale-order filter keeps.

const env = { ORDERS_AS_OF: CORPUS.orders.asOf, ORDERS_MAX_AGE_DAYS: String(CORPUS.orders.maxAgeDays) };
const now = () => Date.parse('2025-07-01T06:00:00Z');

async function handle(entry: CorpusEntry) {
  const store = new MemoryObjectStore();
  const key = `raw/${entry.file}`;
  const bytes = corpusBytes(entry);
  await store.put(key, bytes);
  const handler = filterOrdersHandler({ store, env, now, log: () => {} });
  await handler(s3PutEvent('orders-bucket', { key, size: bytes.length }));
  const keys = orderOutputKeys(key);
  const quarantine = (await readText(store, keys.quarantine))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Rejection);
  return { store, keys, bytes, quarantine, source: `s3://orders-bucket/${key}` };
}

async function keptBytes(bytes: Buffer): Promise<Buffer> {
  const run = await filterStaleOrders([bytes], { ...CORPUS.orders, onRejected: () => {} });
  const parts: Uint8Array[] = [];
  for await (const part of run.csv) parts.push(part);
  return Buffer.concat(parts);
}

describe('the orders corpus through filterOrdersHandler', () => {
  it.each(corpusEntries('orders').map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const { store, keys, bytes, quarantine, source } = await handle(entry);
    const expected = entry.expected.handler;
    if (isRefusal(expected)) {
      expect(quarantine).toHaveLength(1);
      expect(quarantine[0]).toMatchObject({ reason: expected.refused, position: { file: source, line: 0 } });
      expect(await store.head(keys.processed)).toBeUndefined();
      expect(await store.head(keys.report)).toBeUndefined();
      return;
    }
    const saved = JSON.parse(await readText(store, keys.report));
    const counts = countsOf(expected, entry.file);
    expect(reportCounts(saved.report)).toEqual(counts);
    expect(saved.parquet).toMatchObject({ rows: counts.kept, rejected: 0 });
    expect(quarantine).toHaveLength(Object.values(counts.rejected).reduce((sum, n) => sum + n, 0));
    for (const { position } of quarantine) expect(position).toMatchObject({ kind: 'file', file: source });
    const processed = Buffer.from(await readBytes(store, keys.processed));
    expect(processed.equals(await keptBytes(bytes))).toBe(true);
  });
});
