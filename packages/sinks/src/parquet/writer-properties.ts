import {
  Compression,
  EnabledStatistics,
  type WriterProperties,
  WriterPropertiesBuilder,
} from 'parquet-wasm/esm';
import type { ColumnEncoding } from './column-encodings.js';
import { ParquetOptionsError } from './errors.js';
import type { ParquetCompression, ParquetEncoding } from './parquet-encoding.js';

export type { ParquetCompression, ParquetEncoding } from './parquet-encoding.js';

const CODECS: Record<ParquetCompression, Compression> = {
  zstd: Compression.ZSTD,
  snappy: Compression.SNAPPY,
  gzip: Compression.GZIP,
  lz4_raw: Compression.LZ4_RAW,
  uncompressed: Compression.UNCOMPRESSED,
};

const STATISTICS = {
  page: EnabledStatistics.Page,
  chunk: EnabledStatistics.Chunk,
  none: EnabledStatistics.None,
} as const;

/** Checks encoding options before any wasm is loaded, so a typo fails fast. */
export function checkEncoding(encoding: ParquetEncoding): void {
  const compression = encoding.compression ?? 'zstd';
  if (!(compression in CODECS)) {
    throw new ParquetOptionsError(
      `compression ${JSON.stringify(compression)} is not supported; use ${Object.keys(CODECS).join(', ')} ` +
        '(legacy lz4 is unreadable by DuckDB: use lz4_raw)',
    );
  }
}

/** Writer properties as plain data (parquet-wasm's enum values), which a worker can receive. */
export interface WriterPlan {
  compression: Compression;
  statistics: EnabledStatistics;
  rowGroupRows: number;
  columns: readonly ColumnEncoding[];
}

/** The plan of {@link writerProperties}. */
export function writerPlan(
  encoding: ParquetEncoding,
  rowGroupRows: number,
  columns: readonly ColumnEncoding[],
): WriterPlan {
  return {
    compression: CODECS[encoding.compression ?? 'zstd'],
    statistics: STATISTICS[encoding.statistics ?? 'page'],
    rowGroupRows,
    columns,
  };
}

/** parquet-wasm writer properties; `rowGroupRows` makes every batch of that many rows one row group. */
export function writerProperties(
  encoding: ParquetEncoding,
  rowGroupRows: number,
  columns: readonly ColumnEncoding[],
): WriterProperties {
  return propertiesOfPlan({ WriterPropertiesBuilder }, writerPlan(encoding, rowGroupRows, columns));
}

/**
 * parquet-wasm writer properties for a plan. It uses nothing but its arguments (no inner functions,
 * no imports), so the encoding worker runs this same function from its source text.
 */
export function propertiesOfPlan(
  wasm: { WriterPropertiesBuilder: typeof WriterPropertiesBuilder },
  plan: WriterPlan,
): WriterProperties {
  let builder = new wasm.WriterPropertiesBuilder()
    .setCompression(plan.compression)
    .setStatisticsEnabled(plan.statistics)
    .setMaxRowGroupSize(plan.rowGroupRows)
    .setCreatedBy('sluice');
  for (const column of plan.columns) {
    builder = builder.setColumnDictionaryEnabled(column.name, column.dictionary);
    if (column.encoding !== undefined) builder = builder.setColumnEncoding(column.name, column.encoding);
  }
  return builder.build();
}
