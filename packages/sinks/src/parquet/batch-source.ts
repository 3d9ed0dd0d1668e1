import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';
import * as wasm from 'parquet-wasm/esm';
import type { Misfit, Row } from '../formats/file-format.js';
import type { RecordBatchBuilder } from './record-batch-builder.js';
import type { RowFeed } from './row-feed.js';

export type { RowFeed } from './row-feed.js';

/** A feed of rows, one object each. */
export function rowFeed(rows: AsyncIterable<Row> | Iterable<Row>, reject: (misfit: Misfit) => void): RowFeed {
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let index = 0;
  return {
    async fill(builder, limit) {
      while (builder.length < limit) {
        const next = await iterator.next();
        if (next.done) return true;
        const misfit = builder.append(next.value);
        if (misfit) reject({ row: next.value, index, reason: 'parquet-type', message: misfit.message });
        index++;
      }
      return false;
    },
  };
}

/** Pulls a feed into Arrow batches of `rowGroupSize` rows, one batch per pull of the wasm writer. */
export class BatchSource {
  failure: { error: unknown } | undefined;
  #done = false;

  constructor(
    readonly feed: RowFeed,
    readonly builder: RecordBatchBuilder,
    readonly rowGroupSize: number,
  ) {}

  /** True once the feed has ended. */
  get done(): boolean {
    return this.#done;
  }

  /** The first batch; empty when the input is (the writer needs one batch to learn the schema). */
  async first(): Promise<RecordBatch> {
    this.#done = await this.feed.fill(this.builder, this.rowGroupSize);
    return this.builder.finish();
  }

  /** Appends the next row group's rows to the builder (none once the feed has ended). */
  async next(): Promise<void> {
    this.#done = await this.feed.fill(this.builder, this.rowGroupSize);
  }

  /** The batches for the wasm writer: `first`, then one more per pull. */
  stream(first: RecordBatch): ReadableStream<wasm.RecordBatch> {
    return new ReadableStream(
      {
        start: (controller) => {
          controller.enqueue(toWasm(first));
          if (this.#done) controller.close();
        },
        pull: (controller) => this.#pull(controller),
      },
      { highWaterMark: 0 },
    );
  }

  async #pull(controller: ReadableStreamDefaultController<wasm.RecordBatch>): Promise<void> {
    try {
      this.#done = await this.feed.fill(this.builder, this.rowGroupSize);
      if (this.builder.length > 0) controller.enqueue(toWasm(this.builder.finish()));
      if (this.#done) controller.close();
    } catch (error) {
      this.failure = { error };
      controller.error(error);
    }
  }
}

function toWasm(batch: RecordBatch): wasm.RecordBatch {
  const table = wasm.Table.fromIPCStream(tableToIPC(new Table(batch), 'stream'));
  try {
    return table.recordBatch(0) as wasm.RecordBatch;
  } finally {
    table.free();
  }
}
