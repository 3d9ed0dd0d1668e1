import type { ColumnDefinition } from '@sluice/athena';
import type { CsvColumnBatch } from '@sluice/core/codecs';
import type { ParquetColumnBatch } from '@sluice/sinks/parquet';

/**
 * A batch of kept rows as the Parquet writer takes it: the table's columns by name, in file order
 * (the header was checked against the table). Empty text is a missing value, null in a typed
 * column, as Athena reads an empty CSV field.
 *
 * @example parquetBatch(batch, PROCESSED_COLUMNS) // { length: 4096, columns: { orderid: [...], amount: [...] } }
 */
export function parquetBatch(
  batch: CsvColumnBatch,
  columns: readonly ColumnDefinition[],
): ParquetColumnBatch {
  const named: Record<string, ArrayLike<string | null>> = {};
  columns.forEach((column, i) => {
    const values = batch.columns[i] ?? [];
    named[column.name] =
      column.type === 'string' ? values : values.map((value) => (value === '' ? null : value));
  });
  return { length: batch.length, columns: named };
}
