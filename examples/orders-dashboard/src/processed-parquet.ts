import type { ColumnDefinition } from '@sluice/athena';
import { openCsv } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import type { WrittenFile } from '@sluice/sinks/formats';
import { writeParquet } from '@sluice/sinks/parquet';
import { parquetSchemaOf } from './processed-schema.js';

type ParquetRow = Record<string, string | null>;

/**
 * Converts a processed CSV into Parquet with the table's columns and types, streaming (one row
 * group in memory). A row whose value does not fit its column type (`n/a` as an amount) is left
 * out of the Parquet file and returned in `rejected` with its line in the processed file.
 *
 * @example
 * const file = await writeProcessedParquet(store, 'processed/orders.csv', 'processed-parquet/orders.parquet', columns);
 */
export async function writeProcessedParquet(
  store: ObjectStore,
  processedKey: string,
  parquetKey: string,
  columns: readonly ColumnDefinition[],
): Promise<WrittenFile> {
  const csv = await openCsv(await store.get(processedKey), { file: processedKey });
  const unreadable: Rejection[] = [];
  // Keyed by the row object, so positions cost no memory once a row group is written.
  const lines = new WeakMap<ParquetRow, number>();
  async function* rows(): AsyncGenerator<ParquetRow> {
    for await (const record of csv.records) {
      if (!record.ok) unreadable.push(record.rejection);
      else {
        const row = parquetRow(record.value.fields, columns);
        lines.set(row, record.value.line);
        yield row;
      }
    }
  }
  const file = await writeParquet(store, parquetKey, rows(), {
    schema: parquetSchemaOf(columns),
    position: (row) => ({ kind: 'file', file: processedKey, line: lines.get(row as ParquetRow) ?? 0 }),
  });
  return { ...file, rejected: [...unreadable, ...file.rejected] };
}

/** Empty text is a missing value: null in a typed column, as Athena reads an empty CSV field. */
function parquetRow(fields: readonly string[], columns: readonly ColumnDefinition[]): ParquetRow {
  const row: ParquetRow = {};
  columns.forEach((column, i) => {
    const value = fields[i] ?? null;
    row[column.name] = value === '' && column.type !== 'string' ? null : value;
  });
  return row;
}
