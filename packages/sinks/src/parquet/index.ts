export * from './errors.js';
export { type ParquetColumnBatch, writeParquetColumns } from './parquet-columns.js';
export type { ParquetCompression, ParquetEncoding } from './parquet-encoding.js';
export { type ParquetFormatOptions, parquetFormat, writeParquet } from './parquet-format.js';
export type {
  ParquetColumnDeclaration,
  ParquetScalarType,
  ParquetSchema,
} from './schema.js';
export { loadParquetWasm, type ParquetWasmSource } from './wasm.js';
