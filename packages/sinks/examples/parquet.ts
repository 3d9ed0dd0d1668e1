// README "Parquet". Hidden prelude: a local store (DuckDB reads the files back) and the rows, also as
// one batch of columns.
import { LocalObjectStore } from '@sluice/core';

const store = new LocalObjectStore('out');
const rows = [
  {
    orderid: '1',
    status: 'shipped',
    amount: '19.99',
    orderdate: '2025-01-31',
    placed_at: new Date(0),
    quantity: 2,
  },
  {
    orderid: 2,
    status: 'pending',
    amount: 5,
    orderdate: '2025-02-01',
    placed_at: '2025-02-01 08:00:00',
    quantity: 1,
  },
  { orderid: 3, status: 'pending', amount: 'n/a', orderdate: '2025-02-01', placed_at: null, quantity: 1 },
];
const batches = [
  {
    length: 2,
    columns: {
      orderid: ['1', '2'],
      status: ['shipped', 'pending'],
      amount: ['19.99', '5'],
      orderdate: ['2025-01-31', '2025-02-01'],
      placed_at: [null, null],
      quantity: ['2', '1'],
    },
  },
];

// #region readme
import { type ParquetSchema, writeParquet, writeParquetColumns } from '@sluice/sinks/parquet';

const schema: ParquetSchema = {
  orderid: 'int64',
  status: 'string',
  amount: { type: 'decimal', precision: 10, scale: 2 },
  orderdate: 'date',
  placed_at: 'timestamp', // milliseconds, UTC
  quantity: { type: 'int32', nullable: false },
};
const written = await writeParquet(store, 'lake/orders.parquet', rows, {
  schema,
  compression: 'zstd', // default; also 'snappy' | 'gzip' | 'lz4_raw' | 'uncompressed' (never legacy LZ4)
  rowGroupSize: 131_072, // rows per row group (default; DuckDB writes 122,880)
});
// { key, rows: 2, bytes, rejected: [{ reason: 'parquet-type', message: 'amount: …', … }] }

// Column-wise, with no object per row: the fast path when rows arrive as fields (a CSV reader).
await writeParquetColumns(store, 'lake/orders-columns.parquet', batches, { schema });
// batches: AsyncIterable<{ length, columns: { orderid: string[], status: string[], … } }>
// #endregion

export const ran = { written };
