import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { writeParquetColumns } from './parquet-columns.js';

const local = temporaryStore('sluice-parquet-columns-');

const file = (key: string) => `read_parquet('${join(local.root, key)}')`;

describe('writeParquetColumns, read back by DuckDB', () => {
  it('writes columns of every type, with nulls and columns left out as nulls', async () => {
    const written = await writeParquetColumns(
      local.store,
      'columns/types.parquet',
      [
        {
          length: 3,
          columns: {
            id: ['1', 9007199254740993n, null],
            amount: ['12.34', '-0.5', undefined],
            day: ['2024-02-29', null, '1970-01-01'],
            status: ['shipped', 'Évry ✓', null],
          },
        },
      ],
      {
        schema: {
          id: 'int64',
          amount: { type: 'decimal', precision: 10, scale: 2 },
          day: 'date',
          status: 'string',
          gift: 'boolean',
        },
      },
    );
    expect(written).toMatchObject({ rows: 3, rejected: [] });
    const rows = await queryDuckDb(
      `select id::varchar as id, amount::varchar as amount, day::varchar as day, status, gift
       from ${file('columns/types.parquet')}`,
    );
    expect(rows).toEqual([
      { id: '1', amount: '12.34', day: '2024-02-29', status: 'shipped', gift: null },
      { id: '9007199254740993', amount: '-0.50', day: null, status: 'Évry ✓', gift: null },
      { id: null, amount: null, day: '1970-01-01', status: null, gift: null },
    ]);
  });

  it('cuts row groups of rowGroupSize rows across batches of any size', async () => {
    const batch = (from: number, length: number) => ({
      length,
      columns: { id: Array.from({ length }, (_, i) => from + i) },
    });
    const batches = async function* () {
      yield batch(0, 2500);
      yield batch(2500, 0);
      yield batch(2500, 700);
    };
    const written = await writeParquetColumns(local.store, 'columns/groups.parquet', batches(), {
      schema: { id: 'int64' },
      rowGroupSize: 1000,
    });
    expect(written.rows).toBe(3200);
    const groups = await queryDuckDb(
      `select distinct row_group_id::int as g, row_group_num_rows::int as n
       from parquet_metadata('${join(local.root, 'columns/groups.parquet')}') order by g`,
    );
    expect(groups.map((g) => g.n)).toEqual([1000, 1000, 1000, 200]);
    const [sums] = await queryDuckDb(`select sum(id)::bigint as ids from ${file('columns/groups.parquet')}`);
    expect(sums).toEqual({ ids: String((3199 * 3200) / 2) });
  });

  it('rejects a row whose value does not fit, naming its index, column and position', async () => {
    const written = await writeParquetColumns(
      local.store,
      'columns/misfit.parquet',
      [{ length: 3, columns: { id: ['1', 'n/a', '3'], day: ['2025-01-01', '2025-01-02', '2025-02-30'] } }],
      {
        schema: { id: 'int64', day: 'date' },
        position: (_row, index) => ({ kind: 'file', file: 'orders.csv', line: index + 2 }),
      },
    );
    expect(written.rows).toBe(1);
    expect(written.rejected).toEqual([
      {
        reason: 'parquet-type',
        message: 'parquet columns/misfit.parquet, record 1: column "id": "n/a" is not a int64',
        position: { kind: 'file', file: 'orders.csv', line: 3 },
        raw: '{"id":"n/a","day":"2025-01-02"}',
      },
      {
        reason: 'parquet-type',
        message: 'parquet columns/misfit.parquet, record 2: column "day": "2025-02-30" is not a date',
        position: { kind: 'file', file: 'orders.csv', line: 4 },
        raw: '{"id":"3","day":"2025-02-30"}',
      },
    ]);
    const rows = await queryDuckDb(`select id::int as id from ${file('columns/misfit.parquet')}`);
    expect(rows).toEqual([{ id: 1 }]);
  });
});
