import { CsvColumnBatcher } from '@sluice/core/codecs';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { Channel } from '@sluice/core/pipeline';
import { type ObjectStore, QuarantineFile } from '@sluice/core/storage';
import { type ParquetColumnBatch, writeParquetColumns } from '@sluice/sinks/parquet';
import { filterStaleOrders, type StaleOrderRun } from '@sluice/transforms/orders';
import type { FilterConfig } from './config.js';
import { type OrderOutputKeys, orderOutputKeys } from './object-keys.js';
import { parquetBatch } from './processed-parquet.js';
import { parquetSchemaOf } from './processed-schema.js';
import { checkProcessedHeader, PROCESSED_COLUMNS } from './processed-table.js';

/** Options of {@link filterOrdersObject}. */
export interface FilterOrdersOptions extends Omit<FilterConfig, 'asOf'> {
  /** Reference day (`YYYY-MM-DD`, a Date or epoch ms); default: today by `now`. */
  asOf?: string | Date | number;
  /** Clock for the default `asOf` and the report's timings. Default `Date.now`. */
  now?: () => number;
  /** Name of the source in rejection positions, e.g. `s3://bucket/raw/orders.csv`; default the key. */
  source?: string;
  /**
   * Where Parquet row groups are encoded (default `'main'`). `'worker'` encodes on a second thread
   * while the scan goes on: faster where two cores are free, and the bundle must ship parquet-wasm's
   * `parquet_wasm.js` beside its `.wasm`.
   */
  parquetEncodeIn?: 'main' | 'worker';
}

/** What one raw object produced; also written as JSON to `reports/<name>.json`. */
export interface OrdersObjectResult {
  source: string;
  keys: OrderOutputKeys;
  /** The stale-order run: `read = kept + dropped + rejected`; kept rows are in `keys.processed`. */
  report: RunReport;
  /** The kept rows in Parquet: `rows + rejected = report.kept`; a rejected row's entry is in quarantine. */
  parquet: { rows: number; rejected: number; columns: { name: string; type: string }[] };
  /** Entries in `keys.quarantine`: the run's rejections, then the Parquet ones. */
  quarantined: number;
}

/** Rows per Parquet hand-over batch (the writer groups them into row groups): small batches keep strings short-lived. */
const BATCH_ROWS = 1024;

/**
 * Runs the seed 000 Lambda's work on one raw object, reading it ONCE: drops stale orders and, from
 * that one scan, writes the kept rows byte for byte to `processed/<name>.csv`, typed by the
 * `processed` table's definition to `processed-parquet/<name>.parquet`, every rejection with its
 * line to `quarantine/<name>.jsonl` as it happens, and the account to `reports/<name>.json`. The
 * three writers run together with bounded hand-overs, so memory does not grow with the object.
 * Every key derives from the input key: running it again on the same object rewrites the same outputs.
 *
 * @example
 * const result = await filterOrdersObject(store, 'raw/orders.csv', { asOf: '2025-06-30' });
 * result.report; // { read: 1000, kept: 790, dropped: { stale: 190 }, rejected: { 'invalid-date': 20 }, lines: 1001, ... }
 */
export async function filterOrdersObject(
  store: ObjectStore,
  rawKey: string,
  options: FilterOrdersOptions = {},
): Promise<OrdersObjectResult> {
  const { source = rawKey, parquetEncodeIn = 'main', ...rule } = options;
  const keys = orderOutputKeys(rawKey);
  const outputs = new OrderOutputs(store, keys, PROCESSED_COLUMNS.length);
  const input = await store.get(rawKey);
  const run = await filterStaleOrders(input, { ...rule, file: source, ...outputs.hooks });
  try {
    checkProcessedHeader(run.header, source);
  } catch (error) {
    await input[Symbol.asyncIterator]().return?.(); // release the object's stream: nothing more is read
    throw error;
  }
  const written = await outputs.write(store, keys, run, parquetEncodeIn);
  const result: OrdersObjectResult = {
    source,
    keys,
    report: run.report(),
    parquet: {
      rows: written.parquet.rows,
      rejected: written.parquet.rejected.length,
      columns: [...PROCESSED_COLUMNS],
    },
    quarantined: written.quarantined,
  };
  await store.put(keys.report, `${JSON.stringify(result, null, 2)}\n`, { contentType: 'application/json' });
  return result;
}

/** The three writers of one run, fed from its single scan through bounded hand-overs after each chunk. */
class OrderOutputs {
  readonly #kept: CsvColumnBatcher;
  readonly #batches = new Channel<ParquetColumnBatch>(2);
  readonly #quarantine: QuarantineFile;

  constructor(store: ObjectStore, keys: OrderOutputKeys, width: number) {
    this.#kept = new CsvColumnBatcher(width, BATCH_ROWS);
    this.#quarantine = new QuarantineFile(store, keys.quarantine);
  }

  /** What the run calls: kept rows into columns, rejections collected, both handed over per chunk. */
  get hooks() {
    return {
      keptColumns: this.#kept,
      onRejected: (rejection: Rejection) => this.#quarantine.add(rejection),
      afterChunk: () => this.#handOver(false),
    };
  }

  async write(store: ObjectStore, keys: OrderOutputKeys, run: StaleOrderRun, encodeIn: 'main' | 'worker') {
    const fail = (error: unknown): never => {
      this.#batches.fail(error);
      this.#quarantine.fail(error);
      throw error;
    };
    const schema = parquetSchemaOf(PROCESSED_COLUMNS);
    const parquet = writeParquetColumns(store, keys.parquet, this.#batches, { schema, encodeIn }).catch(fail);
    const processed = store
      .put(keys.processed, this.#closing(run.csv), { contentType: 'text/csv' })
      .catch(fail);
    const [parquetFile] = await Promise.all([parquet, processed]);
    // The run's rejections went out as they came; the rows the Parquet writer could not type follow.
    const quarantined = await this.#quarantine.finish(parquetFile.rejected);
    return { parquet: parquetFile, quarantined };
  }

  async #handOver(final: boolean): Promise<void> {
    for (const batch of this.#kept.take(final))
      await this.#batches.push(parquetBatch(batch, PROCESSED_COLUMNS));
    await this.#quarantine.handOver();
  }

  /** The kept bytes; once they are all out, the last batch and the end of the Parquet hand-over. */
  async *#closing(csv: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    yield* csv;
    await this.#handOver(true);
    this.#batches.close();
  }
}
