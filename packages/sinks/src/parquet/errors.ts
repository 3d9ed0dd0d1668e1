/** The parquet-wasm `.wasm` file was found nowhere; lists every place that was tried. */
export class ParquetWasmNotFoundError extends Error {
  override readonly name = 'ParquetWasmNotFoundError';
  constructor(readonly tried: readonly string[]) {
    super(
      `parquet_wasm_bg.wasm not found (tried: ${tried.join(', ')}); ship it next to your bundle, ` +
        'set SLUICE_PARQUET_WASM, or pass the `wasm` option',
    );
  }
}

/** A Parquet schema declaration that cannot be written (unknown type, bad decimal precision). */
export class ParquetSchemaError extends Error {
  override readonly name = 'ParquetSchemaError';
}

/** parquet-wasm failed while encoding a file; names the object being written. */
export class ParquetEncodeError extends Error {
  override readonly name = 'ParquetEncodeError';
}

/** A writer option that cannot work, e.g. the legacy LZ4 codec that DuckDB and Athena cannot read. */
export class ParquetOptionsError extends Error {
  override readonly name = 'ParquetOptionsError';
}
