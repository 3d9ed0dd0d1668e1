import { listAll } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import type { Row } from '../formats/file-format.js';
import type { ParquetSchema } from '../parquet/schema.js';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { DatasetOptionsError } from './errors.js';
import { writeDataset } from './write-dataset.js';

const local = temporaryStore('sluice-dataset-', 'per-test');

const schema: ParquetSchema = {
  orderid: 'int64',
  status: 'string',
  amount: { type: 'decimal', precision: 10, scale: 2 },
  date: 'string',
};

function orders(dates: string[], perDate: number, firstId = 1): Row[] {
  let id = firstId;
  return dates.flatMap((date) =>
    Array.from({ length: perDate }, (_, i) => ({
      orderid: id++,
      status: i % 2 ? 'shipped' : 'pending',
      amount: '2.50',
      date,
    })),
  );
}

const keys = async (prefix = 'lake/') => {
  const found: string[] = [];
  for await (const object of listAll(local.store, prefix)) found.push(object.key);
  return found.sort();
};

const parquet = (records: Row[], extra: Partial<Parameters<typeof writeDataset>[0]> = {}) =>
  writeDataset({
    store: local.store,
    prefix: 'lake/orders',
    format: 'parquet',
    parquet: { schema },
    partitionBy: ['date'],
    records,
    ...extra,
  });

describe('writeDataset', () => {
  it('writes Hive partitions that DuckDB reads back with hive_partitioning', async () => {
    const result = await parquet(orders(['2025-01-30', '2025-01-31'], 5));
    expect(result.rows).toBe(10);
    expect(result.files.map((f) => [f.partition, f.rows])).toEqual([
      [{ date: '2025-01-30' }, 5],
      [{ date: '2025-01-31' }, 5],
    ]);
    expect(result.files[0]?.key).toMatch(/^lake\/orders\/date=2025-01-30\/part-[0-9a-f]{16}-0\.parquet$/);
    const rows = await queryDuckDb(
      `select date, count(*)::int as n, sum(amount)::varchar as total
       from read_parquet('${local.root}/lake/orders/*/*.parquet', hive_partitioning = true) group by date order by date`,
    );
    expect(rows).toEqual([
      { date: '2025-01-30', n: 5, total: '12.50' },
      { date: '2025-01-31', n: 5, total: '12.50' },
    ]);
  });

  it('keeps partition columns out of the files themselves', async () => {
    await parquet(orders(['2025-01-30'], 2));
    const [file] = await keys();
    const columns = await queryDuckDb(
      `select column_name from (describe select * from read_parquet('${local.root}/${file}', hive_partitioning = false))`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['orderid', 'status', 'amount']);
  });

  it('appends a second batch as new files', async () => {
    await parquet(orders(['2025-01-31'], 3, 1));
    await parquet(orders(['2025-01-31'], 3, 100));
    expect(await keys()).toHaveLength(2);
  });

  it('replaces its own files when the same input is written again', async () => {
    const first = await parquet(orders(['2025-01-30', '2025-01-31'], 4));
    const retried = await parquet(orders(['2025-01-30', '2025-01-31'], 4));
    expect(retried.files.map((f) => f.key)).toEqual(first.files.map((f) => f.key));
    expect(await keys()).toEqual(first.files.map((f) => f.key).sort());
  });

  it('names files after a caller-supplied batch id', async () => {
    const result = await parquet(orders(['2025-01-31'], 25), { batchId: 'shard-7.49590338', batchSize: 10 });
    expect(result.files.map((f) => [f.key, f.rows])).toEqual([
      ['lake/orders/date=2025-01-31/part-shard-7.49590338-0.parquet', 10],
      ['lake/orders/date=2025-01-31/part-shard-7.49590338-1.parquet', 10],
      ['lake/orders/date=2025-01-31/part-shard-7.49590338-2.parquet', 5],
    ]);
  });

  it('overwrite_partitions replaces only the partitions it writes to', async () => {
    await parquet(orders(['2025-01-30', '2025-01-31'], 3, 1));
    const [keptFile] = await keys('lake/orders/date=2025-01-30/');
    const result = await parquet(orders(['2025-01-31'], 2, 100), { mode: 'overwrite_partitions' });
    expect(result.deleted).toHaveLength(1);
    expect(result.deleted[0]).toContain('date=2025-01-31/');
    expect(await keys('lake/orders/date=2025-01-30/')).toEqual([keptFile]);
    const rows = await queryDuckDb(
      `select date, min(orderid)::int as first, count(*)::int as n
       from read_parquet('${local.root}/lake/orders/*/*.parquet', hive_partitioning = true) group by date order by date`,
    );
    expect(rows).toEqual([
      { date: '2025-01-30', first: 1, n: 3 },
      { date: '2025-01-31', first: 100, n: 2 },
    ]);
  });

  it("overwrite_batch replaces one batch's files in every partition and leaves other batches alone", async () => {
    await parquet(orders(['2025-10-30', '2025-10-31'], 2, 1), { batchId: 'oct', mode: 'overwrite_batch' });
    await parquet(orders(['2025-10-31', '2025-11-01'], 2, 100), {
      batchId: 'oct-2',
      mode: 'overwrite_batch',
    });
    const rerun = await parquet(orders(['2025-10-31'], 3, 1), { batchId: 'oct', mode: 'overwrite_batch' });
    expect(rerun.deleted).toEqual(['lake/orders/date=2025-10-30/part-oct-0.parquet']);
    expect(await keys()).toEqual([
      'lake/orders/date=2025-10-31/part-oct-0.parquet',
      'lake/orders/date=2025-10-31/part-oct-2-0.parquet',
      'lake/orders/date=2025-11-01/part-oct-2-0.parquet',
    ]);
  });

  it('overwrite_batch writes the same bytes when the same input is written again', async () => {
    const read = async (key: string) => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of await local.store.get(key)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('base64');
    };
    const write = () => parquet(orders(['2025-10-30'], 5), { batchId: 'src', mode: 'overwrite_batch' });
    const [file] = (await write()).files;
    const first = await read(file?.key ?? '');
    const again = await write();
    expect(again.deleted).toEqual([]);
    expect(await read(file?.key ?? '')).toBe(first);
  });

  it('overwrite_batch without a batchId is refused', async () => {
    await expect(parquet([], { mode: 'overwrite_batch' })).rejects.toThrow(DatasetOptionsError);
  });

  it('overwrite replaces every old file of the dataset', async () => {
    await parquet(orders(['2025-01-30', '2025-01-31'], 3, 1));
    await local.store.put('lake/orders-archive/keep.txt', 'not part of the dataset');
    const result = await parquet(orders(['2025-02-01'], 2, 100), { mode: 'overwrite' });
    expect(result.deleted).toHaveLength(2);
    expect(await keys('lake/orders/')).toEqual(result.files.map((f) => f.key));
    expect(await local.store.head('lake/orders-archive/keep.txt')).toBeDefined();
  });

  it('keeps the old files when writing the new ones fails', async () => {
    await parquet(orders(['2025-01-30'], 3));
    const before = await keys();
    const failing = (function* () {
      yield* orders(['2025-01-30'], 3, 50);
      throw new Error('source failed');
    })();
    await expect(parquet([], { records: failing, mode: 'overwrite' })).rejects.toThrow('source failed');
    expect(await keys()).toEqual(before);
  });

  it('escapes partition values like Hive and reads them back unchanged', async () => {
    const records = [
      { id: 1, source: 'a/b:c=d' },
      { id: 2, source: null },
      { id: 3, source: 'plain' },
    ];
    const result = await writeDataset({
      store: local.store,
      prefix: 'lake/events/',
      format: 'jsonl',
      partitionBy: ['source'],
      records,
    });
    expect(result.files.map((f) => f.key.split('/')[2])).toEqual([
      'source=a%2Fb%3Ac%3Dd',
      'source=__HIVE_DEFAULT_PARTITION__',
      'source=plain',
    ]);
    const rows = await queryDuckDb(
      `select id, source from read_json('${local.root}/lake/events/*/*.jsonl', format = 'newline_delimited', hive_partitioning = true) order by id`,
    );
    expect(rows.map((r) => r.source)).toEqual(['a/b:c=d', null, 'plain']);
  });

  it('writes CSV partitions with a header, readable by DuckDB', async () => {
    const result = await writeDataset({
      store: local.store,
      prefix: 'lake/csv/',
      format: 'csv',
      partitionBy: ['date'],
      records: orders(['2025-01-30', '2025-01-31'], 2),
    });
    expect(result.rows).toBe(4);
    const [row] = await queryDuckDb(
      `select count(*)::int as n, count(distinct date)::int as dates
       from read_csv('${local.root}/lake/csv/*/*.csv', header = true, hive_partitioning = true)`,
    );
    expect(row).toEqual({ n: 4, dates: 2 });
  });

  it('bounds memory by flushing the largest partition when too many are open', async () => {
    const records = Array.from({ length: 60 }, (_, i) => ({
      orderid: i,
      status: 's',
      amount: 1,
      date: `d${i % 6}`,
    }));
    const result = await parquet(records, { maxOpenPartitions: 2, batchSize: 100 });
    expect(result.rows).toBe(60);
    expect(result.files.length).toBeGreaterThan(6);
    const [row] = await queryDuckDb(
      `select count(*)::int as n, sum(orderid)::int as ids from read_parquet('${local.root}/lake/orders/*/*.parquet')`,
    );
    expect(row).toEqual({ n: 60, ids: (59 * 60) / 2 });
  });

  it('accounts for every record: written or rejected with its position', async () => {
    const records = [
      { orderid: 1, amount: '1.00', date: '2025-01-31' },
      { orderid: 2, amount: 'free', date: '2025-01-31' },
      { orderid: 3, amount: '1.00', date: { nested: true } },
      { orderid: 4, amount: '1.00', date: '2025-01-30' },
    ];
    const result = await parquet(records, {
      position: (_, index) => ({ kind: 'file', file: 'orders.csv', line: index + 2 }),
    });
    expect(result.rows + result.rejected.length).toBe(records.length);
    expect(result.rejected.map((r) => [r.reason, r.position])).toEqual([
      ['partition-value', { kind: 'file', file: 'orders.csv', line: 4 }],
      ['parquet-type', { kind: 'file', file: 'orders.csv', line: 3 }],
    ]);
  });

  it('refuses a batch id or name that would change the folder, and parquet without a schema', async () => {
    await expect(parquet([], { batchId: '../other' })).rejects.toThrow(DatasetOptionsError);
    await expect(parquet([], { name: 'a/b' })).rejects.toThrow(DatasetOptionsError);
    await expect(
      writeDataset({ store: local.store, prefix: 'x/', format: 'parquet', records: [] }),
    ).rejects.toThrow("format 'parquet' needs `parquet: { schema }`");
  });

  it('refuses to overwrite with an empty prefix, which would replace the whole store', async () => {
    await local.store.put('unrelated/keep.txt', 'keep me');
    for (const mode of ['overwrite', 'overwrite_partitions'] as const) {
      await expect(
        writeDataset({ store: local.store, prefix: '', format: 'jsonl', mode, records: [{ a: 1 }] }),
      ).rejects.toThrow(DatasetOptionsError);
    }
    expect(await local.store.head('unrelated/keep.txt')).toBeDefined();
  });
});
