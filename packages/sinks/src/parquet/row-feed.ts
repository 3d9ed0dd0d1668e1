import type { RecordBatchBuilder } from './record-batch-builder.js';

// Apart from batch-source.ts, whose declarations import parquet-wasm: see parquet-encoding.ts.
/** Appends input to a builder until it holds `limit` rows; resolves true once the input has ended. */
export interface RowFeed {
  fill(builder: RecordBatchBuilder, limit: number): Promise<boolean>;
}
