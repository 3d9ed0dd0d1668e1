import type { Rejection } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import type { Misfit, Row, WriteFileOptions, WrittenFile } from '../formats/file-format.js';
import { DEFAULT_ROW_GROUP_SIZE, encodeParquet, type ParquetFormatOptions } from './parquet-format.js';
import type { RowFeed } from './row-feed.js';
import { type ParquetColumn, parquetColumns } from './schema.js';
import { checkEncoding } from './writer-properties.js';

/**
 * Rows given column by column: `columns.status[i]` is row `i`'s status. Every column holds
 * `length` values; a schema column missing from `columns` is null in every row.
 */
export interface ParquetColumnBatch {
  length: number;
  columns: Readonly<Record<string, ArrayLike<unknown> | undefined>>;
}

/**
 * Writes batches of columns as one Parquet object: {@link writeParquet} without an object per row,
 * for producers that already hold columns (a CSV reader's fields, a query result). Values are
 * converted and rejected exactly as in `writeParquet`; a batch may hold any number of rows.
 *
 * @example
 * await writeParquetColumns(store, 'lake/orders.parquet', [
 *   { length: 2, columns: { orderid: ['1', '2'], status: ['shipped', 'pending'] } },
 * ], { schema: { orderid: 'int64', status: 'string' } });
 */
export async function writeParquetColumns(
  store: ObjectStore,
  key: string,
  batches: AsyncIterable<ParquetColumnBatch> | Iterable<ParquetColumnBatch>,
  options: ParquetFormatOptions & WriteFileOptions,
): Promise<WrittenFile> {
  const columns = parquetColumns(options.schema);
  checkEncoding(options);
  const rejected: Rejection[] = [];
  const feed = columnFeed(batches, columns, (misfit) => rejected.push(rejection(key, misfit, options)));
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const body = encodeParquet(feed, { ...options, columns, rowGroupSize });
  const info = await store.put(key, body, {
    contentType: 'application/vnd.apache.parquet',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { key, rows: feed.read() - rejected.length, bytes: info.size, rejected };
}

/** A feed that appends column batches a column at a time; a batch may span row groups. */
function columnFeed(
  batches: AsyncIterable<ParquetColumnBatch> | Iterable<ParquetColumnBatch>,
  columns: readonly ParquetColumn[],
  reject: (misfit: Misfit) => void,
): RowFeed & { read(): number } {
  const iterator =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  let current: (ArrayLike<unknown> | undefined)[] = [];
  let length = 0;
  let row = 0;
  let read = 0;
  return {
    read: () => read,
    async fill(builder, limit) {
      while (builder.length < limit) {
        if (row === length) {
          const next = await iterator.next();
          if (next.done) return true;
          current = columns.map((column) => next.value.columns[column.name]);
          [length, row] = [next.value.length, 0];
          continue;
        }
        const end = Math.min(length, row + limit - builder.length);
        builder.appendRows(current, row, end, (at, misfit) =>
          reject({
            row: rowAt(columns, current, at),
            index: read + at - row,
            reason: 'parquet-type',
            message: misfit.message,
          }),
        );
        read += end - row;
        row = end;
      }
      return false;
    },
  };
}

function rowAt(
  columns: readonly ParquetColumn[],
  values: (ArrayLike<unknown> | undefined)[],
  row: number,
): Row {
  return Object.fromEntries(columns.map((column, i) => [column.name, values[i]?.[row]]));
}

// As `writeFile` reports a row a format could not encode.
function rejection(key: string, misfit: Misfit, options: WriteFileOptions): Rejection {
  const position = options.position?.(misfit.row, misfit.index);
  const message = `parquet ${key}, record ${misfit.index}: ${misfit.message}`;
  const raw = rawText(misfit.row);
  return { reason: misfit.reason, message, ...(position ? { position } : {}), ...(raw ? { raw } : {}) };
}

function rawText(row: Row): string | undefined {
  try {
    const text = JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
    return text && text.length <= 4096 ? text : undefined;
  } catch {
    return undefined;
  }
}
