import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LocalObjectStore, listAll, type ObjectStore, readText } from '@sluice/core';
import type { BatchReport } from '@sluice/core/lambda';
import { s3PutEvent } from '@sluice/core/testing';
import { describe, expect, it } from 'vitest';
import { eventsOutputKeys, KEYS } from '../layout.js';
import { eventsToParquetHandler } from './events-to-parquet.js';

const EVENTS = readFileSync(new URL('fixtures/events-two-days.csv', import.meta.url), 'utf8');

async function keysUnder(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of listAll(store, prefix)) keys.push(object.key);
  return keys.sort();
}

async function bytesOf(store: ObjectStore, key: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await store.get(key)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('base64');
}

async function rowsPerDate(dir: string): Promise<[string, number][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT date::VARCHAR, count(*)::INTEGER FROM read_parquet('${dir}/${KEYS.eventsDataset}**/*.parquet', hive_partitioning = true) GROUP BY date ORDER BY date`,
  );
  const rows = reader.getRows() as [string, number][];
  connection.closeSync();
  instance.closeSync();
  return rows;
}

describe('eventsToParquetHandler', () => {
  it('writes the Parquet dataset of a CSV put under raw/ into the bucket the event names', async () => {
    const root = await mkdtemp(join(tmpdir(), 'events-to-parquet-'));
    const stores = new Map<string, LocalObjectStore>();
    const storeFor = (bucket: string) => {
      const store = stores.get(bucket) ?? new LocalObjectStore(join(root, bucket));
      stores.set(bucket, store);
      return store;
    };
    const events = storeFor('events-bucket');
    for (const key of ['raw/x.csv', 'rawdata/x.csv', 'raw/x.txt']) await events.put(key, EVENTS);
    const reports: BatchReport[] = [];
    const handler = eventsToParquetHandler(storeFor, { onReport: (report) => void reports.push(report) });
    await handler(s3PutEvent('events-bucket', ['raw/x.csv', 'rawdata/x.csv', 'raw/x.txt']));
    const [report] = reports;
    expect(report).toMatchObject({ read: 3, kept: 1, dropped: { 'outside-filter': 2 }, failed: 0 });
    expect([...stores.keys()]).toEqual(['events-bucket']);
    const files = await keysUnder(events, KEYS.eventsDataset);
    expect(files.map((key) => key.split('/')[1])).toEqual(['date=2019-11-01', 'date=2019-11-02']);
    expect(await rowsPerDate(join(root, 'events-bucket'))).toEqual([
      ['2019-11-01', 2],
      ['2019-11-02', 1],
    ]);
  });

  it('keeps every monthly file: October, then November, then October again leaves both, October byte for byte', async () => {
    const root = await mkdtemp(join(tmpdir(), 'events-months-'));
    const store = new LocalObjectStore(root);
    const BAD = 'not a time,view,1,2,,,1.00,3,s-9\n';
    const october = `${EVENTS.replaceAll('2019-11-0', '2019-10-1')}${BAD}`;
    await store.put('raw/2019-Oct.csv', october);
    await store.put('raw/2019-Nov.csv', `${EVENTS}${BAD}`);
    const handler = eventsToParquetHandler(store, { onReport: () => undefined });
    await handler(s3PutEvent('events-bucket', ['raw/2019-Oct.csv']));
    const octoberOutputs = async () => {
      const keys = eventsOutputKeys('raw/2019-Oct.csv');
      const files = (await keysUnder(store, KEYS.eventsDataset)).filter((key) => key.includes('2019-Oct'));
      const texts = await Promise.all([...files, keys.quarantine].map((key) => bytesOf(store, key)));
      return new Map([...files, keys.quarantine].map((key, i) => [key, texts[i]]));
    };
    const first = await octoberOutputs();
    await handler(s3PutEvent('events-bucket', ['raw/2019-Nov.csv']));
    await handler(s3PutEvent('events-bucket', ['raw/2019-Oct.csv']));
    expect(await rowsPerDate(root)).toEqual([
      ['2019-10-11', 2],
      ['2019-10-12', 1],
      ['2019-11-01', 2],
      ['2019-11-02', 1],
    ]);
    expect(await keysUnder(store, KEYS.eventsDataset)).toEqual([
      'events/date=2019-10-11/part-2019-Oct-0.parquet',
      'events/date=2019-10-12/part-2019-Oct-0.parquet',
      'events/date=2019-11-01/part-2019-Nov-0.parquet',
      'events/date=2019-11-02/part-2019-Nov-0.parquet',
    ]);
    expect(await octoberOutputs()).toEqual(first);
    expect(await keysUnder(store, KEYS.batchQuarantine)).toEqual([
      'quarantine/batch/2019-Nov.jsonl',
      'quarantine/batch/2019-Oct.jsonl',
    ]);
    const report = JSON.parse(await readText(store, eventsOutputKeys('raw/2019-Nov.csv').report));
    expect(report.report).toMatchObject({ read: 4, kept: 3, rejected: { schema: 1 }, lines: 5 });
  });

  it('replaces only its own files when a month is corrected: a date it no longer holds is removed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'events-corrected-'));
    const store = new LocalObjectStore(root);
    const handler = eventsToParquetHandler(store, { onReport: () => undefined });
    await store.put('raw/2019-Nov.csv', EVENTS);
    await store.put('raw/2019-Nov-late.csv', EVENTS.split('\n').slice(0, 2).join('\n'));
    await handler(s3PutEvent('events-bucket', ['raw/2019-Nov.csv', 'raw/2019-Nov-late.csv']));
    await store.put('raw/2019-Nov.csv', EVENTS.split('\n').slice(0, 3).join('\n'));
    await handler(s3PutEvent('events-bucket', ['raw/2019-Nov.csv']));
    expect(await keysUnder(store, KEYS.eventsDataset)).toEqual([
      'events/date=2019-11-01/part-2019-Nov-0.parquet',
      'events/date=2019-11-01/part-2019-Nov-late-0.parquet',
    ]);
    expect(await rowsPerDate(root)).toEqual([['2019-11-01', 3]]);
  });
});
