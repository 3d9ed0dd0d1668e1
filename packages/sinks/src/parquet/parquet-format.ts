import type { ObjectStore } from '@sluice/core/storage';
import * as wasm from 'parquet-wasm/esm';
import type { FileFormat, Row, WriteFileOptions, WrittenFile } from '../formats/file-format.js';
import { writeFile } from '../formats/file-format.js';
import { BatchSource, rowFeed } from './batch-source.js';
import { columnEncodings } from './column-encodings.js';
import type { ParquetEncoding } from './parquet-encoding.js';
import { encodeInWorker } from './parquet-worker.js';
import { RecordBatchBuilder } from './record-batch-builder.js';
import type { RowFeed } from './row-feed.js';
import { type ParquetColumn, type ParquetSchema, parquetColumns } from './schema.js';
import { loadParquetWasm, type ParquetWasmSource } from './wasm.js';
import { checkEncoding, writerPlan, writerProperties } from './writer-properties.js';

export interface ParquetFormatOptions extends ParquetEncoding {
  schema: ParquetSchema;
  /**
   * Rows per row group. Each group is built, encoded and streamed out before the next is read, so
   * memory holds about one group. Default 131 072 (DuckDB writes 122 880): larger groups compress and
   * encode a little better; lower it for wide rows in a small Lambda.
   */
  rowGroupSize?: number;
  /** Where parquet-wasm's `.wasm` is; see {@link loadParquetWasm} for the default search. */
  wasm?: ParquetWasmSource;
  /**
   * Where row groups are encoded. `worker`: in a worker thread, while this thread reads and builds
   * the next row group: the same file, faster with a second core (a Lambda of 1,769 MB or more),
   * about 30 MB more memory. The worker imports parquet-wasm's `parquet_wasm.js`: from the installed
   * package, else beside the loaded `.wasm`, else beside the running bundle, so a bundle must ship
   * it with the `.wasm`. Default `main`: on this thread.
   */
  encodeIn?: 'main' | 'worker';
}

export const DEFAULT_ROW_GROUP_SIZE = 131_072;

/**
 * Parquet via apache-arrow + parquet-wasm: typed columns, ZSTD by default, dictionary encoding and
 * statistics, one row group per batch of `rowGroupSize` rows. Memory holds about one row group (as
 * Arrow columns and as encoded pages), whatever the number of rows. Rows whose values do not fit
 * the schema are rejected (reason `parquet-type`), not written.
 *
 * @example
 * const format = parquetFormat({ schema: { orderid: 'int64', amount: { type: 'decimal', precision: 10, scale: 2 } } });
 * await writeFile(store, 'lake/orders.parquet', format, rows);
 */
export function parquetFormat(options: ParquetFormatOptions): FileFormat {
  const columns = parquetColumns(options.schema);
  checkEncoding(options);
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  return {
    name: 'parquet',
    extension: '.parquet',
    contentType: 'application/vnd.apache.parquet',
    encode: (rows, reject) => encodeParquet(rowFeed(rows, reject), { ...options, columns, rowGroupSize }),
  };
}

/**
 * Writes rows as one Parquet object.
 *
 * @example
 * const file = await writeParquet(store, 'lake/orders.parquet', rows, { schema: { orderid: 'int64', status: 'string' } });
 */
export function writeParquet(
  store: ObjectStore,
  key: string,
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: ParquetFormatOptions & WriteFileOptions,
): Promise<WrittenFile> {
  return writeFile(store, key, parquetFormat(options), rows, options);
}

export interface EncodeSettings extends ParquetFormatOptions {
  columns: ParquetColumn[];
  rowGroupSize: number;
}

/** Encodes what a feed appends as one Parquet file, streamed out one row group at a time. */
export async function* encodeParquet(feed: RowFeed, settings: EncodeSettings): AsyncGenerator<Uint8Array> {
  await loadParquetWasm(settings.wasm);
  const batches = new BatchSource(
    feed,
    new RecordBatchBuilder(settings.columns, settings.rowGroupSize),
    settings.rowGroupSize,
  );
  // Encodings are chosen from the first row group, so it is read before the writer starts.
  const first = await batches.first();
  const encodings = columnEncodings(settings.columns, first.data.children, {
    dictionary: settings.dictionary ?? true,
    delta: settings.deltaEncoding ?? true,
  });
  if (settings.encodeIn === 'worker') {
    yield* encodeInWorker(batches, first, writerPlan(settings, settings.rowGroupSize, encodings));
    return;
  }
  const properties = writerProperties(settings, settings.rowGroupSize, encodings);
  const output = await wasm
    .transformParquetStream(batches.stream(first), properties)
    .catch((error: unknown) => {
      // parquet-wasm reports a failed first batch as an opaque "Dyn casting error": surface ours.
      throw batches.failure ? batches.failure.error : error;
    });
  yield* output as unknown as AsyncIterable<Uint8Array>;
  // parquet-wasm ends a file cleanly even when its input stream failed; never let that pass as a file.
  if (batches.failure) throw batches.failure.error;
}
