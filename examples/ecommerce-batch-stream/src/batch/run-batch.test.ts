import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { LocalObjectStore } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { EVENTS_BUCKET, KEYS } from '../layout.js';
import { runBatch } from './run-batch.js';

const HEADER =
  'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n';

describe('runBatch on empty inputs', () => {
  it.each([
    ['a header-only file', HEADER],
    [
      'an all-invalid file',
      `${HEADER}not a time,view,1,2,,,1.00,3,s-1\n2019-11-01 00:00:00 UTC,click,1,2,,,1.00,3,s-1\n`,
    ],
  ])('completes %s with every insight empty', async (_, csv) => {
    const dir = await mkdtemp(join(tmpdir(), 'ecommerce-empty-'));
    const store = new LocalObjectStore(join(dir, EVENTS_BUCKET));
    await store.put(KEYS.rawEvents, csv);
    const result = await runBatch({
      store,
      openEngine: (tables) => createDuckDbEngine({ localRoot: dir, tables }),
    });
    expect(result.files).toEqual([]);
    expect(result.report.kept).toBe(0);
    expect(result.queries.map((q) => [q.name, q.rows])).toEqual(result.queries.map((q) => [q.name, []]));
    expect(result.queries).toHaveLength(5);
  });
});
