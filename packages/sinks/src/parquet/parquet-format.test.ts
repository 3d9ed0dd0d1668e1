import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryDuckDb } from '../testing/duckdb.js';
import { temporaryStore } from '../testing/temporary-store.js';
import { ParquetOptionsError, ParquetSchemaError } from './errors.js';
import type { ParquetCompression, ParquetSchema } from './index.js';
import { parquetFormat, writeParquet } from './parquet-format.js';

const local = temporaryStore('sluice-parquet-');

const ORDERS: ParquetSchema = {
  orderid: 'int64',
  status: 'string',
  amount: { type: 'decimal', precision: 10, scale: 2 },
  orderdate: 'date',
  placed_at: 'timestamp',
  quantity: 'int32',
  weight: 'double',
  gift: 'boolean',
};

const orders = [
  {
    orderid: 1,
    status: 'pending',
    amount: '12.34',
    orderdate: '2025-01-31',
    placed_at: '2025-01-31 08:15:00',
    quantity: 2,
    weight: 1.5,
    gift: true,
  },
  {
    orderid: '9007199254740993',
    status: 'Évry ✓',
    amount: 0.1,
    orderdate: new Date('2025-02-01T23:00:00Z'),
    placed_at: new Date('2025-02-01T23:00:00.250Z'),
    quantity: '7',
    weight: '2.25',
    gift: 'false',
  },
  {
    orderid: 3n,
    status: null,
    amount: null,
    orderdate: null,
    placed_at: null,
    quantity: null,
    weight: null,
    gift: null,
  },
  {
    orderid: 4,
    amount: '-5',
    orderdate: '2024-02-29',
    placed_at: '2025-03-01T10:00:00+02:00',
    quantity: -1,
    weight: 0,
    gift: false,
  },
];

const file = (key: string) => `read_parquet('${join(local.root, key)}')`;

describe('Parquet writer, read back by DuckDB', () => {
  it('writes every declared type with the DuckDB type a reader expects', async () => {
    await writeParquet(local.store, 'types/orders.parquet', orders, { schema: ORDERS });
    const types = await queryDuckDb(
      `select column_name, column_type from (describe select * from ${file('types/orders.parquet')})`,
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual({
      orderid: 'BIGINT',
      status: 'VARCHAR',
      amount: 'DECIMAL(10,2)',
      orderdate: 'DATE',
      placed_at: 'TIMESTAMP',
      quantity: 'INTEGER',
      weight: 'DOUBLE',
      gift: 'BOOLEAN',
    });
  });

  it('keeps values, nulls and 64-bit ids exactly', async () => {
    const written = await writeParquet(local.store, 'values/orders.parquet', orders, { schema: ORDERS });
    expect(written).toMatchObject({ rows: 4, rejected: [] });
    const rows = await queryDuckDb(
      `select orderid::varchar as id, status, amount::varchar as amount, orderdate::varchar as d,
              placed_at::varchar as ts, quantity, weight, gift from ${file('values/orders.parquet')} order by orderid`,
    );
    expect(rows).toEqual(
      [
        {
          id: '1',
          status: 'pending',
          amount: '12.34',
          d: '2025-01-31',
          ts: '2025-01-31 08:15:00',
          quantity: 2,
          weight: 1.5,
          gift: true,
        },
        {
          id: '4',
          status: null,
          amount: '-5.00',
          d: '2024-02-29',
          ts: '2025-03-01 08:00:00',
          quantity: -1,
          weight: 0,
          gift: false,
        },
        { id: '3', status: null, amount: null, d: null, ts: null, quantity: null, weight: null, gift: null },
        {
          id: '9007199254740993',
          status: 'Évry ✓',
          amount: '0.10',
          d: '2025-02-01',
          ts: '2025-02-01 23:00:00.25',
          quantity: 7,
          weight: 2.25,
          gift: false,
        },
      ].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))),
    );
    const [totals] = await queryDuckDb(
      `select sum(amount)::varchar as amount, (count(*) - count(status))::int as null_status from ${file('values/orders.parquet')}`,
    );
    expect(totals).toEqual({ amount: '7.44', null_status: 2 });
  });

  it('rejects a row whose value does not fit its column, naming the column, and writes the rest', async () => {
    const rows = [
      { orderid: 1, amount: '3.50' },
      { orderid: 2, amount: 'n/a' },
      { orderid: 'x3', amount: '1' },
      { orderid: 4, amount: '123456789.00' },
      { orderid: 5, amount: '1.005' },
    ];
    const schema: ParquetSchema = { orderid: 'int64', amount: { type: 'decimal', precision: 10, scale: 2 } };
    const written = await writeParquet(local.store, 'misfits/orders.parquet', rows, {
      schema,
      position: (_, index) => ({ kind: 'file', file: 'orders.csv', line: index + 2 }),
    });
    expect(written.rows).toBe(2);
    expect(written.rejected.map((r) => [r.reason, r.position])).toEqual([
      ['parquet-type', { kind: 'file', file: 'orders.csv', line: 3 }],
      ['parquet-type', { kind: 'file', file: 'orders.csv', line: 4 }],
      ['parquet-type', { kind: 'file', file: 'orders.csv', line: 5 }],
    ]);
    expect(written.rejected[0]?.message).toContain('column "amount": "n/a" is not a decimal(10,2)');
    expect(written.rejected[1]?.message).toContain('column "orderid": "x3" is not a int64');
    const rowsBack = await queryDuckDb(
      `select orderid, amount::varchar as amount from ${file('misfits/orders.parquet')}`,
    );
    expect(rowsBack).toEqual([
      { orderid: '1', amount: '3.50' },
      { orderid: '5', amount: '1.01' },
    ]);
  });

  it('rejects nulls in a column declared not nullable', async () => {
    const schema: ParquetSchema = { id: { type: 'int64', nullable: false }, name: 'string' };
    const written = await writeParquet(local.store, 'required/ids.parquet', [{ id: 1 }, { name: 'no id' }], {
      schema,
    });
    expect(written.rows).toBe(1);
    expect(written.rejected[0]?.message).toContain('column "id" (int64, not nullable) is missing');
  });

  it.each<ParquetCompression>(['zstd', 'snappy', 'gzip', 'lz4_raw', 'uncompressed'])(
    'compresses every column chunk with %s',
    async (compression) => {
      const key = `codecs/${compression}.parquet`;
      await writeParquet(local.store, key, orders, { schema: ORDERS, compression });
      const codecs = await queryDuckDb(
        `select distinct compression from parquet_metadata('${join(local.root, key)}')`,
      );
      expect(codecs).toEqual([{ compression: compression.toUpperCase() }]);
      const [{ n }] = (await queryDuckDb(`select count(*)::int as n from ${file(key)}`)) as [{ n: number }];
      expect(n).toBe(4);
    },
  );

  it('writes a readable file with no rows for empty input', async () => {
    await writeParquet(local.store, 'empty/none.parquet', [], { schema: ORDERS });
    const [{ n }] = (await queryDuckDb(`select count(*)::int as n from ${file('empty/none.parquet')}`)) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it('leaves no object behind when the input fails midway', async () => {
    const rows = (function* () {
      for (let i = 0; i < 3000; i++) yield { id: i };
      throw new Error('upstream read failed');
    })();
    await expect(
      writeParquet(local.store, 'failed/r.parquet', rows, { schema: { id: 'int64' }, rowGroupSize: 1000 }),
    ).rejects.toThrow('upstream read failed');
    expect(await local.store.head('failed/r.parquet')).toBeUndefined();
  });

  it('refuses legacy LZ4 and unknown column types before writing anything', () => {
    expect(() =>
      parquetFormat({ schema: { id: 'int64' }, compression: 'lz4' as ParquetCompression }),
    ).toThrow(ParquetOptionsError);
    expect(() => parquetFormat({ schema: { id: 'uuid' } as unknown as ParquetSchema })).toThrow(
      ParquetSchemaError,
    );
    expect(() => parquetFormat({ schema: { a: { type: 'decimal', precision: 40, scale: 2 } } })).toThrow(
      /precision must be 1..38/,
    );
  });
});
