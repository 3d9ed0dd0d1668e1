// The encoding options users pass, apart from the writer that applies them: declarations that
// reach a user's program must not import parquet-wasm (its types need the WebAssembly and DOM libs).

/** Codecs that DuckDB, Athena and Spark all read. Legacy `LZ4` is left out on purpose: DuckDB cannot read it. */
export type ParquetCompression = 'zstd' | 'snappy' | 'gzip' | 'lz4_raw' | 'uncompressed';

export interface ParquetEncoding {
  /** Default `zstd`. */
  compression?: ParquetCompression;
  /**
   * Dictionary-encode columns whose values repeat (decided per column from the first row group;
   * a dictionary that grows too large falls back as below). Columns without one are delta-encoded
   * (integers, dates, timestamps, decimals ≤ 18 digits) or prefix-encoded (strings). Default true.
   */
  dictionary?: boolean;
  /**
   * Delta-encode columns without a dictionary (default true). False writes them PLAIN, for readers
   * without the Parquet 2.0 delta encodings (Spark before 3.3, Athena engine v2); files get larger.
   */
  deltaEncoding?: boolean;
  /** Min/max/null-count statistics per `page` (and chunk), per `chunk` only, or `none`. Default `page`. */
  statistics?: 'page' | 'chunk' | 'none';
}
