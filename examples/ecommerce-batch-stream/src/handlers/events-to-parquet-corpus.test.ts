import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LocalObjectStore, listAll, type Rejection, readText } from '@sluice/core';
import type { BatchReport } from '@sluice/core/lambda';
import { s3PutEvent } from '@sluice/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CorpusEntry,
  corpusBytes,
  corpusEntries,
  countsOf,
  isRefusal,
} from '../../../../packages/core/test/csv-corpus/corpus.js';
import { eventsOutputKeys, KEYS } from '../layout.js';
import { eventsToParquetHandler } from './events-to-parquet.js';

// The events files of the bad-input corpus put under raw/ and converted as S3 would trigger it: the
// Parquet dataset holds the kept rows, the batch quarantine exactly the rejected ones (read back with
// DuckDB, an independent reader).

let root = '';
let duckdb: DuckDBInstance;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'events-corpus-'));
  duckdb = await DuckDBInstance.create(':memory:');
});
afterAll(async () => {
  duckdb.closeSync();
  await rm(root, { recursive: true, force: true });
});

async function parquetRows(dir: string): Promise<number> {
  const connection = await duckdb.connect();
  const glob = join(dir, KEYS.eventsDataset, '**', '*.parquet');
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet('${glob}')`);
  connection.closeSync();
  return (reader.getRows()[0]?.[0] as number) ?? 0;
}

async function convert(entry: CorpusEntry) {
  const dir = join(root, entry.file);
  const store = new LocalObjectStore(dir);
  const key = `raw/${entry.file}`;
  await store.put(key, corpusBytes(entry));
  const reports: BatchReport[] = [];
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const handler = eventsToParquetHandler(store, { onReport: (report) => void reports.push(report), logger });
  const thrown = await handler(s3PutEvent('events-bucket', key)).then(
    () => undefined,
    (error: unknown) => error,
  );
  return { dir, store, report: reports[0], thrown };
}

const readable = corpusEntries('events').filter((entry) => !isRefusal(entry.expected.handler));
const refused = corpusEntries('events').filter((entry) => isRefusal(entry.expected.handler));

describe('the events corpus through eventsToParquetHandler', () => {
  it.each(readable.map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const { dir, store, report, thrown } = await convert(entry);
    expect(thrown).toBeUndefined();
    expect(report).toMatchObject({ read: 1, kept: 1, failed: 0 });
    const counts = countsOf(entry.expected.handler, entry.file);
    expect(await parquetRows(dir)).toBe(counts.kept);
    const rejected = Object.values(counts.rejected).reduce((sum, n) => sum + n, 0);
    const quarantine =
      rejected === 0 ? '' : await readText(store, eventsOutputKeys(`raw/${entry.file}`).quarantine);
    const entries = quarantine
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Rejection);
    expect(entries.map((e) => e.reason).sort()).toEqual(
      Object.entries(counts.rejected)
        .flatMap(([reason, n]) => Array<string>(n).fill(reason))
        .sort(),
    );
  });

  // A file no retry can fix is settled on the first attempt (not failed for a retry), quarantined
  // whole at line 0 with why, and its report says so.
  it.each(refused.map((entry) => [entry.file, entry] as const))(
    'settles %s without a retry',
    async (_, entry) => {
      const { store, dir, report, thrown } = await convert(entry);
      expect(thrown).toBeUndefined();
      expect(report).toMatchObject({ read: 1, kept: 0, rejected: { 'unreadable-object': 1 }, failed: 0 });
      const keys = eventsOutputKeys(`raw/${entry.file}`);
      const [quarantined, ...more] = (await readText(store, keys.quarantine)).trim().split('\n');
      expect(more).toEqual([]);
      expect(JSON.parse(quarantined ?? '')).toMatchObject({
        reason: 'unreadable-object',
        position: { kind: 'file', file: `raw/${entry.file}`, line: 0 },
      });
      expect(JSON.parse(await readText(store, keys.report))).toMatchObject({
        refused: { reason: 'unreadable-object' },
      });
      for await (const file of listAll(store, KEYS.eventsDataset))
        expect.fail(`${dir}: ${file.key} left behind`);
    },
  );
});
