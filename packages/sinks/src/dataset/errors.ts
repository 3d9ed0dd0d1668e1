/** Dataset writer options that cannot work together, e.g. `format: 'parquet'` without a schema. */
export class DatasetOptionsError extends Error {
  override readonly name = 'DatasetOptionsError';
}
