import { type CsvOutputRow, type CsvWriteOptions, encodeCsv } from '@sluice/core/codecs';
import type { ObjectStore } from '@sluice/core/storage';
import type { FileFormat, Misfit, Row, WriteFileOptions, WrittenFile } from './file-format.js';
import { writeFile } from './file-format.js';

export interface CsvFormatOptions extends Omit<CsvWriteOptions, 'chunkBytes'> {
  /** Column order; default: the keys of the first row. A row with any other key is rejected. */
  columns?: readonly string[];
  /** Write a header row (default true). */
  header?: boolean;
}

/**
 * CSV with a header, quoting only where needed (core's `encodeCsv`). Nulls are empty fields, Dates
 * ISO 8601, objects JSON. A row with a key outside the columns is rejected (`csv-unexpected-column`)
 * rather than losing that field.
 *
 * @example
 * await writeFile(store, 'processed/orders.csv', csvFormat({ columns: ['orderid', 'status'] }), rows);
 */
export function csvFormat(options: CsvFormatOptions = {}): FileFormat {
  return {
    name: 'csv',
    extension: '.csv',
    contentType: 'text/csv; charset=utf-8',
    encode: (rows, reject) => encodeCsv(csvRows(rows, reject, options), options),
  };
}

/**
 * Writes rows as one CSV object.
 *
 * @example
 * const file = await writeCsv(store, 'processed/orders.csv', rows);
 */
export function writeCsv(
  store: ObjectStore,
  key: string,
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: CsvFormatOptions & WriteFileOptions = {},
): Promise<WrittenFile> {
  return writeFile(store, key, csvFormat(options), rows, options);
}

async function* csvRows(
  rows: AsyncIterable<Row> | Iterable<Row>,
  reject: (misfit: Misfit) => void,
  options: CsvFormatOptions,
): AsyncGenerator<CsvOutputRow> {
  let columns = options.columns;
  if (columns && options.header !== false) yield columns;
  let index = 0;
  for await (const row of rows) {
    if (!columns) {
      columns = Object.keys(row);
      if (options.header !== false) yield columns;
    }
    const fields = csvFields(row, columns);
    if (typeof fields === 'string') reject({ row, index, reason: 'csv-unexpected-column', message: fields });
    else yield fields;
    index++;
  }
}

function csvFields(row: Row, columns: readonly string[]): string[] | string {
  const extra = Object.keys(row).filter((key) => row[key] !== undefined && !columns.includes(key));
  if (extra.length > 0)
    return `column(s) ${extra.join(', ')} not among the CSV columns ${columns.join(', ')}`;
  return columns.map((column) => csvField(row[column]));
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}` : v));
  return String(value);
}
