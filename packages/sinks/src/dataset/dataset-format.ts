import { type CsvFormatOptions, csvFormat } from '../formats/csv-format.js';
import type { FileFormat } from '../formats/file-format.js';
import { jsonLinesFormat } from '../formats/json-lines-format.js';
import type { ParquetFormatOptions } from '../parquet/parquet-format.js';
import { DatasetOptionsError } from './errors.js';

/** A built-in format by name, or any {@link FileFormat}. */
export type DatasetFormat = 'csv' | 'jsonl' | 'parquet' | FileFormat;

export interface DatasetFormatOptions {
  format: DatasetFormat;
  /** Settings of `format: 'parquet'`; `schema` is required (partition columns may be left in it). */
  parquet?: ParquetFormatOptions;
  csv?: CsvFormatOptions;
  partitionBy?: readonly string[];
}

/**
 * The format to write files in. Parquet is imported only when asked for, so a CSV dataset never
 * loads apache-arrow or the parquet-wasm module. Partition columns live in folder names, not files.
 */
export async function resolveFormat(options: DatasetFormatOptions): Promise<FileFormat> {
  const partitionBy = options.partitionBy ?? [];
  if (typeof options.format === 'object') return options.format;
  if (options.format === 'jsonl') return jsonLinesFormat();
  if (options.format === 'csv') {
    const columns = options.csv?.columns?.filter((column) => !partitionBy.includes(column));
    return csvFormat({ ...options.csv, ...(columns ? { columns } : {}) });
  }
  if (options.format === 'parquet') return parquet(options.parquet, partitionBy);
  throw new DatasetOptionsError(
    `format ${JSON.stringify(options.format)} is not csv, jsonl, parquet or a FileFormat`,
  );
}

async function parquet(options: ParquetFormatOptions | undefined, partitionBy: readonly string[]) {
  if (!options?.schema) throw new DatasetOptionsError("format 'parquet' needs `parquet: { schema }`");
  const { parquetFormat } = await import('../parquet/parquet-format.js');
  const schema = Object.fromEntries(
    Object.entries(options.schema).filter(([name]) => !partitionBy.includes(name)),
  );
  return parquetFormat({ ...options, schema });
}
