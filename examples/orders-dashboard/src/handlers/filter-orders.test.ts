import { readFileSync } from 'node:fs';
import { type BatchReport, listAll, MemoryObjectStore, type Rejection, readText } from '@sluice/core';
import { ConfigurationError } from '@sluice/core/lambda';
import { s3PutEvent } from '@sluice/core/testing';
import { describe, expect, it } from 'vitest';
import { filterOrdersHandler } from './filter-orders.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const ORDERS = fixture('orders-crlf-quoted-amount.csv');
const env = { ORDERS_AS_OF: '2025-06-30' };
const now = () => Date.parse('2025-07-01T06:00:00Z');

async function putAndInvoke(
  store: MemoryObjectStore,
  key: string,
  body: string,
  environment: Record<string, string> = env,
) {
  await store.put(key, body);
  const logged: string[] = [];
  const handler = filterOrdersHandler({ store, env: environment, now, log: (line) => logged.push(line) });
  await handler(s3PutEvent('orders-bucket', { key, size: body.length }));
  // S3 handlers resolve to nothing; the invocation's report is what the handler logs.
  return (JSON.parse(logged.at(-1) ?? '{}') as { report: BatchReport }).report;
}

async function keysUnder(store: MemoryObjectStore, prefix: string) {
  const keys: string[] = [];
  for await (const object of listAll(store, prefix)) keys.push(object.key);
  return keys;
}

describe('filterOrdersHandler', () => {
  it('filters an object put under raw/, decoding its key, into the four outputs', async () => {
    const store = new MemoryObjectStore();
    const report = await putAndInvoke(store, 'raw/June Orders+1.CSV', ORDERS);
    expect(report).toMatchObject({ read: 1, kept: 1, failed: 0 });
    const lines = ORDERS.split('\r\n');
    expect(await readText(store, 'processed/June Orders+1.csv')).toBe(
      [lines[0], lines[1], lines[4], lines[5], ''].join('\r\n'),
    );
    expect(await store.head('processed-parquet/June Orders+1.parquet')).toBeDefined();
    const saved = JSON.parse(await readText(store, 'reports/June Orders+1.json'));
    expect(saved.report).toMatchObject({
      read: 6,
      kept: 3,
      dropped: { stale: 1 },
      rejected: { 'invalid-date': 1, 'missing-status': 1 },
    });
    expect(saved.parquet).toMatchObject({ rows: 3, rejected: 0 });
  });

  it('quarantines rejected rows with the object and line they came from', async () => {
    const store = new MemoryObjectStore();
    await putAndInvoke(store, 'raw/orders.csv', ORDERS);
    const entries = (await readText(store, 'quarantine/orders.jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Rejection);
    expect(entries.map((e) => [e.reason, e.position])).toEqual([
      [
        'invalid-date',
        { kind: 'file', file: 's3://orders-bucket/raw/orders.csv', line: 4, column: 'OrderDate' },
      ],
      [
        'missing-status',
        { kind: 'file', file: 's3://orders-bucket/raw/orders.csv', line: 7, column: 'Status' },
      ],
    ]);
  });

  it('ignores objects outside raw/ or without a .csv suffix', async () => {
    const store = new MemoryObjectStore();
    const outside = await putAndInvoke(store, 'rawdata/x.csv', ORDERS);
    const notCsv = await putAndInvoke(store, 'raw/x.txt', ORDERS);
    expect([outside.dropped, notCsv.dropped]).toEqual([{ 'outside-filter': 1 }, { 'outside-filter': 1 }]);
    expect(await keysUnder(store, '')).toEqual(['raw/x.txt', 'rawdata/x.csv']);
  });

  it('rewrites identical outputs when the same object is processed again', async () => {
    const store = new MemoryObjectStore();
    await putAndInvoke(store, 'raw/orders.csv', ORDERS);
    const outputs = ['processed/', 'processed-parquet/', 'quarantine/', 'reports/'];
    const keys = (await Promise.all(outputs.map((prefix) => keysUnder(store, prefix)))).flat();
    const first = await Promise.all(keys.map((key) => readText(store, key)));
    await putAndInvoke(store, 'raw/orders.csv', ORDERS);
    expect(await Promise.all(keys.map((key) => readText(store, key)))).toEqual(first);
    expect(keys).toHaveLength(4);
  });

  it('quarantines a CSV that has no status column as a whole, without failing the invocation', async () => {
    const store = new MemoryObjectStore();
    const report = await putAndInvoke(store, 'raw/customers.csv', fixture('orders-without-status.csv'));
    expect(report).toMatchObject({ read: 1, rejected: { 'unreadable-object': 1 }, failed: 0 });
    const [entry] = (await readText(store, 'quarantine/customers.jsonl')).trim().split('\n');
    expect(JSON.parse(entry ?? '{}')).toMatchObject({
      reason: 'unreadable-object',
      position: { file: 's3://orders-bucket/raw/customers.csv', line: 0 },
    });
  });

  it('reads the raw object once for the CSV, Parquet and quarantine outputs', async () => {
    const store = new MemoryObjectStore();
    await store.put('raw/orders.csv', ORDERS);
    const reads: string[] = [];
    const get = store.get.bind(store);
    store.get = (key, ...rest) => {
      reads.push(key);
      return get(key, ...rest);
    };
    const handler = filterOrdersHandler({ store, env, now, log: () => {} });
    await handler(s3PutEvent('orders-bucket', { key: 'raw/orders.csv', size: ORDERS.length }));
    expect(reads).toEqual(['raw/orders.csv']);
    const saved = JSON.parse(await readText(store, 'reports/orders.json'));
    expect(saved.parquet).toMatchObject({ rows: saved.report.kept, rejected: 0 });
  });

  it("quarantines a file whose columns are not the processed table's, naming both layouts", async () => {
    const store = new MemoryObjectStore();
    const shuffled = 'OrderID,Customer,Amount,Status,OrderDate\nO1,Bob,478.65,shipped,2025-02-10\n';
    const report = await putAndInvoke(store, 'raw/other.csv', shuffled);
    expect(report).toMatchObject({ rejected: { 'unreadable-object': 1 }, failed: 0 });
    const [entry] = (await readText(store, 'quarantine/other.jsonl')).trim().split('\n');
    expect(JSON.parse(entry ?? '{}').message).toContain(
      'reads columns orderid, customerid, orderdate, status, amount in this order; the file has OrderID, Customer, Amount, Status, OrderDate',
    );
    expect(await store.head('processed/other.csv')).toBeUndefined();
  });

  it('reads the rule from the environment', async () => {
    const store = new MemoryObjectStore();
    await putAndInvoke(store, 'raw/orders.csv', ORDERS, { ...env, ORDERS_MAX_AGE_DAYS: '120' });
    expect(JSON.parse(await readText(store, 'reports/orders.json')).report.kept).toBe(4);
    expect(() => filterOrdersHandler({ env: { ORDERS_MAX_AGE_DAYS: 'a month' } })).toThrow(
      ConfigurationError,
    );
    expect(() => filterOrdersHandler({ env: { ORDERS_AS_OF: '2025-02-30' } })).toThrow(/ORDERS_AS_OF/);
  });
});
