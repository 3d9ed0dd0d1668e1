import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listAll, readBytes } from '@sluice/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { S3ObjectStore } from '../s3/s3-object-store.js';
import { queryDuckDb } from '../testing/duckdb.js';
import { type RunningS3rver, startS3rver } from '../testing/s3rver.js';
import { writeDataset } from './write-dataset.js';

let s3: RunningS3rver;
let local: string;
beforeAll(async () => {
  s3 = await startS3rver();
  local = await mkdtemp(join(tmpdir(), 'sluice-dataset-s3-'));
});
afterAll(async () => {
  await s3.stop();
  await rm(local, { recursive: true, force: true });
});

it('writes and overwrites a partitioned Parquet dataset on S3, readable by DuckDB', async () => {
  const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.clientConfig });
  const records = (day: string, ids: number[]) => ids.map((orderid) => ({ orderid, day }));
  const write = (rows: { orderid: number; day: string }[], mode: 'append' | 'overwrite_partitions') =>
    writeDataset({
      store,
      prefix: 'lake/orders/',
      format: 'parquet',
      parquet: { schema: { orderid: 'int64' } },
      partitionBy: ['day'],
      mode,
      records: rows,
    });
  await write([...records('2025-01-30', [1, 2]), ...records('2025-01-31', [3])], 'append');
  const second = await write(records('2025-01-31', [4, 5]), 'overwrite_partitions');
  expect(second.deleted).toHaveLength(1);
  // Copied to disk because DuckDB reads S3 only through httpfs, which cannot be installed offline.
  for await (const object of listAll(store, 'lake/')) {
    const path = join(local, object.key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await readBytes(store, object.key));
  }
  const rows = await queryDuckDb(
    `select day, list(orderid order by orderid)::varchar as ids
     from read_parquet('${local}/lake/orders/*/*.parquet', hive_partitioning = true) group by day order by day`,
  );
  expect(rows).toEqual([
    { day: '2025-01-30', ids: '[1, 2]' },
    { day: '2025-01-31', ids: '[4, 5]' },
  ]);
});
