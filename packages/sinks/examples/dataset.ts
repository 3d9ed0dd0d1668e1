// README "Datasets". Hidden prelude: a store, the Parquet schema and three records over two dates.
import { MemoryObjectStore } from '@sluice/core';
import type { ParquetSchema } from '@sluice/sinks/parquet';

const store = new MemoryObjectStore();
const schema: ParquetSchema = { orderid: 'int64', status: 'string' };
const records = [
  { orderid: 1, status: 'shipped', orderdate: '2025-01-31' },
  { orderid: 2, status: 'pending', orderdate: '2025-01-31' },
  { orderid: 3, status: 'pending', orderdate: '2025-02-01' },
];

// #region readme
import { writeDataset } from '@sluice/sinks/dataset';

const result = await writeDataset({
  store,
  prefix: 'lake/orders/',
  format: 'parquet', // or 'csv' | 'jsonl' | any FileFormat
  parquet: { schema },
  partitionBy: ['orderdate'], // -> lake/orders/orderdate=2025-01-31/part-<hash>-0.parquet
  mode: 'overwrite_partitions', // 'append' (default) | 'overwrite' | 'overwrite_partitions' | 'overwrite_batch'
  records,
  batchSize: 100_000, // rows per file (and per Parquet row group)
});
// result.files: [{ key, partition: { orderdate: '2025-01-31' }, rows, bytes }], result.rejected, result.deleted
// #endregion

export const ran = { result };
