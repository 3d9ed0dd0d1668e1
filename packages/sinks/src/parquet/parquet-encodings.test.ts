// How the Parquet writer encodes and groups what it writes, read back through DuckDB's metadata.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { parquetFormat, writeParquet } from './parquet-format.js';

const local = temporaryStore('sluice-parquet-encodings-');
const file = (key: string) => `read_parquet('${join(local.root, key)}')`;

describe('Parquet encodings and row groups', () => {
  it('uses ZSTD, dictionary encoding and statistics by default', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i, status: ['pending', 'shipped'][i % 2] }));
    await writeParquet(local.store, 'defaults/orders.parquet', rows, {
      schema: { id: 'int64', status: 'string' },
    });
    const meta = await queryDuckDb(
      `select path_in_schema as col, compression, encodings, stats_min_value as min, stats_max_value as max
       from parquet_metadata('${join(local.root, 'defaults/orders.parquet')}') order by col`,
    );
    expect(meta).toEqual([
      {
        col: 'id',
        compression: 'ZSTD',
        encodings: expect.stringContaining('DICTIONARY'),
        min: '0',
        max: '999',
      },
      {
        col: 'status',
        compression: 'ZSTD',
        encodings: expect.stringContaining('DICTIONARY'),
        min: 'pending',
        max: 'shipped',
      },
    ]);
  });

  it('can turn dictionary encoding off', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ status: ['a', 'b'][i % 2] }));
    await writeParquet(local.store, 'plain/s.parquet', rows, {
      schema: { status: 'string' },
      dictionary: false,
    });
    const [meta] = await queryDuckDb(
      `select encodings from parquet_metadata('${join(local.root, 'plain/s.parquet')}')`,
    );
    expect(meta?.encodings).not.toContain('DICTIONARY');
  });

  it('dictionary-encodes repeating columns, delta-encodes ids, keys and amounts, and reads back exact', async () => {
    const statuses = ['pending', 'shipped', 'cancelled', 'Évry ✓'];
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      id: 10_000_000_000 + i,
      customer: `C${String((i * 7919) % 100_003).padStart(6, '0')}`,
      status: i % 97 === 0 ? null : statuses[i % 4],
      amount:
        i % 89 === 0
          ? null
          : `${i % 3 === 0 ? '-' : ''}${(i * 31) % 30_000}.${String(i % 100).padStart(2, '0')}`,
      day: new Date(Date.UTC(2025, 0, 1 + (i % 120))).toISOString().slice(0, 10),
      wide: `${i}.1234`,
    }));
    const key = 'encodings/orders.parquet';
    const written = await writeParquet(local.store, key, rows, {
      schema: {
        id: 'int64',
        customer: 'string',
        status: 'string',
        amount: { type: 'decimal', precision: 18, scale: 2 },
        day: 'date',
        wide: { type: 'decimal', precision: 30, scale: 4 },
      },
      rowGroupSize: 8192,
    });
    expect(written).toMatchObject({ rows: 20_000, rejected: [] });
    const meta = await queryDuckDb(
      `select path_in_schema as col, string_agg(distinct encodings, ' ') as enc
       from parquet_metadata('${join(local.root, key)}') group by col order by col`,
    );
    const encodings = Object.fromEntries(meta.map((m) => [m.col, m.enc]));
    expect(encodings).toMatchObject({
      id: expect.stringContaining('DELTA_BINARY_PACKED'),
      customer: expect.stringContaining('DELTA_BYTE_ARRAY'),
      status: expect.stringContaining('DICTIONARY'),
      amount: expect.stringContaining('DELTA_BINARY_PACKED'),
      day: expect.stringContaining('DICTIONARY'),
    });
    expect(encodings.id).not.toContain('DICTIONARY');
    expect(encodings.customer).not.toContain('DICTIONARY');

    const [read] = await queryDuckDb(
      `select sum(id)::varchar as ids, sum(amount)::varchar as amount, count(amount)::int as amounts,
              count(status)::int as statuses, sum(hash(customer) % 1000003)::varchar as customers,
              sum(hash(status) % 1000003)::varchar as status_hash, sum(day - date '2025-01-01')::int as days,
              sum(wide)::varchar as wide from ${file(key)}`,
    );
    // The same rows as JSON Lines, read by DuckDB with its own conversions, are the oracle.
    await writeFile(
      join(local.root, 'encodings/orders.jsonl'),
      rows.map((row) => JSON.stringify(row)).join('\n'),
    );
    const [expected] = await queryDuckDb(
      `select sum(id)::varchar as ids, sum(amount::decimal(18,2))::varchar as amount, count(amount)::int as amounts,
              count(status)::int as statuses, sum(hash(customer) % 1000003)::varchar as customers,
              sum(hash(status) % 1000003)::varchar as status_hash, sum(day::date - date '2025-01-01')::int as days,
              sum(wide::decimal(30,4))::varchar as wide
       from read_json('${join(local.root, 'encodings/orders.jsonl')}', format = 'newline_delimited',
            columns = {id: 'BIGINT', customer: 'VARCHAR', status: 'VARCHAR', amount: 'VARCHAR', day: 'VARCHAR', wide: 'VARCHAR'})`,
    );
    expect(read).toEqual(expected);
    expect(read?.amounts).toBe(20_000 - Math.ceil(20_000 / 89));
  });

  it('writes PLAIN instead of delta encodings for older readers when asked', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: i, key: `K${i}` }));
    const key = 'plain-delta/r.parquet';
    await writeParquet(local.store, key, rows, {
      schema: { id: 'int64', key: 'string' },
      deltaEncoding: false,
    });
    const meta = await queryDuckDb(`select encodings from parquet_metadata('${join(local.root, key)}')`);
    for (const { encodings } of meta) expect(encodings).not.toMatch(/DELTA|DICTIONARY/);
    const [sums] = await queryDuckDb(
      `select sum(id)::int as ids, count(distinct key)::int as keys from ${file(key)}`,
    );
    expect(sums).toEqual({ ids: (4999 * 5000) / 2, keys: 5000 });
  });

  it('writes one row group per batch of rowGroupSize rows', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: i, amount: (i % 100) / 4 }));
    const written = await writeParquet(local.store, 'groups/r.parquet', rows, {
      schema: { id: 'int64', amount: 'double' },
      rowGroupSize: 1000,
    });
    expect(written.rows).toBe(2500);
    const groups = await queryDuckDb(
      `select distinct row_group_id::int as g, row_group_num_rows::int as n
       from parquet_metadata('${join(local.root, 'groups/r.parquet')}') order by g`,
    );
    expect(groups).toEqual([
      { g: 0, n: 1000 },
      { g: 1, n: 1000 },
      { g: 2, n: 500 },
    ]);
    const [sums] = await queryDuckDb(
      `select sum(id)::bigint as ids, sum(amount) as amount from ${file('groups/r.parquet')}`,
    );
    expect(sums).toEqual({ ids: String((2499 * 2500) / 2), amount: 30937.5 });
  });

  it('streams each row group out before reading far ahead in the input', async () => {
    let pulled = 0;
    const rows = (function* () {
      for (let i = 0; i < 50_000; i++, pulled++) yield { id: i };
    })();
    const format = parquetFormat({ schema: { id: 'int64' }, rowGroupSize: 1000 });
    let pulledAtFirstChunk: number | undefined;
    for await (const _ of format.encode(rows, () => undefined)) pulledAtFirstChunk ??= pulled;
    expect(pulledAtFirstChunk).toBeLessThanOrEqual(10_000);
  });
});
