import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { type ParquetColumnBatch, writeParquetColumns } from './parquet-columns.js';
import type { ParquetFormatOptions } from './parquet-format.js';

const local = temporaryStore('sluice-parquet-worker-');

const options: ParquetFormatOptions = {
  schema: {
    id: 'int64',
    customer: 'string',
    day: 'date',
    status: 'string',
    amount: { type: 'decimal', precision: 18, scale: 2 },
  },
  rowGroupSize: 1000,
};

function* orders(rows: number, batchRows: number): Generator<ParquetColumnBatch> {
  const statuses = ['shipped', 'pending', 'cancelled'];
  for (let from = 0; from < rows; from += batchRows) {
    const length = Math.min(batchRows, rows - from);
    const ids = Array.from({ length }, (_, i) => from + i);
    yield {
      length,
      columns: {
        id: ids.map(String),
        customer: ids.map((id) => (id % 97 === 0 ? null : `C${(id * 7919) % 5000}`)),
        day: ids.map((id) => `2025-0${1 + (id % 9)}-${String(1 + (id % 28)).padStart(2, '0')}`),
        status: ids.map((id) => (id === 1234 ? 'n/a' : statuses[id % 3])),
        amount: ids.map((id) => (id === 77 ? 'oops' : `${id % 1000}.${id % 100}`)),
      },
    };
  }
}

describe("writeParquetColumns with encodeIn: 'worker'", () => {
  it('writes the file the main thread writes, one row group per batch', async () => {
    const main = await writeParquetColumns(local.store, 'main.parquet', orders(4500, 700), options);
    const worker = await writeParquetColumns(local.store, 'worker.parquet', orders(4500, 700), {
      ...options,
      encodeIn: 'worker',
    });
    expect({ rows: worker.rows, bytes: worker.bytes }).toEqual({ rows: main.rows, bytes: main.bytes });
    expect(worker.rows).toBe(4499);
    expect(worker.rejected.map((r) => r.message)).toEqual([
      'parquet worker.parquet, record 77: column "amount": "oops" is not a decimal(18,2)',
    ]);
    expect(await readFile(join(local.root, 'worker.parquet'))).toEqual(
      await readFile(join(local.root, 'main.parquet')),
    );
    const readBack = (key: string) =>
      queryDuckDb(
        `select count(*)::int as n, sum(id)::bigint::varchar as ids, sum(amount)::varchar as amount,
           count(distinct customer)::int as customers, min(day)::varchar as first, max(day)::varchar as last,
           string_agg(status, ',' order by id) as statuses
         from read_parquet('${join(local.root, key)}')`,
      );
    expect(await readBack('worker.parquet')).toEqual(await readBack('main.parquet'));
    const groups = await queryDuckDb(
      `select distinct row_group_id::int as g, row_group_num_rows::int as n
       from parquet_metadata('${join(local.root, 'worker.parquet')}') order by g`,
    );
    expect(groups.map((g) => g.n)).toEqual([1000, 1000, 1000, 1000, 499]);
  });

  it('writes an empty input as a readable file', async () => {
    const written = await writeParquetColumns(local.store, 'empty.parquet', [], {
      ...options,
      encodeIn: 'worker',
    });
    expect(written.rows).toBe(0);
    const [count] = await queryDuckDb(
      `select count(*)::int as n from read_parquet('${join(local.root, 'empty.parquet')}')`,
    );
    expect(count).toEqual({ n: 0 });
  });

  it('rejects when a batch fails, leaving no object', async () => {
    const failing = async function* () {
      yield* orders(2500, 500);
      throw new Error('source broke');
    };
    await expect(
      writeParquetColumns(local.store, 'failed.parquet', failing(), { ...options, encodeIn: 'worker' }),
    ).rejects.toThrow('source broke');
    await expect(access(join(local.root, 'failed.parquet'))).rejects.toThrow();
  });
});
