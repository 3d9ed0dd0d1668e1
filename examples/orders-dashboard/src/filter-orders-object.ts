import { encodeJsonLines } from '@sluice/core/codecs';
import type { RunReport } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import { filterStaleOrdersFast } from '@sluice/transforms/orders';
import type { FilterConfig } from './config.js';
import { type OrderOutputKeys, orderOutputKeys } from './object-keys.js';
import { writeProcessedParquet } from './processed-parquet.js';
import { processedColumns, sampleLines } from './processed-schema.js';

/** Options of {@link filterOrdersObject}. */
export interface FilterOrdersOptions extends Omit<FilterConfig, 'asOf'> {
  /** Reference day (`YYYY-MM-DD`, a Date or epoch ms); default: today by `now`. */
  asOf?: string | Date | number;
  /** Clock for the default `asOf` and the report's timings. Default `Date.now`. */
  now?: () => number;
  /** Name of the source in rejection positions, e.g. `s3://bucket/raw/orders.csv`; default the key. */
  source?: string;
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

/**
 * Runs the seed 000 Lambda's work on one raw object: drops stale orders, writes the kept rows
 * byte for byte to `processed/<name>.csv` and typed to `processed-parquet/<name>.parquet`, every
 * rejection with its line to `quarantine/<name>.jsonl`, and the account to `reports/<name>.json`.
 * Every key derives from the input key, so running it again on the same object rewrites the same
 * outputs.
 *
 * @example
 * const result = await filterOrdersObject(store, 'raw/orders.csv', { asOf: '2025-06-30' });
 * result.report; // { read: 1000, kept: 790, dropped: { stale: 190 }, rejected: { 'invalid-date': 20 }, ... }
 */
export async function filterOrdersObject(
  store: ObjectStore,
  rawKey: string,
  options: FilterOrdersOptions = {},
): Promise<OrdersObjectResult> {
  const { source = rawKey, ...rule } = options;
  const keys = orderOutputKeys(rawKey);
  const run = await filterStaleOrdersFast(await store.get(rawKey), { ...rule, file: source });
  await store.put(keys.processed, run.csv, { contentType: 'text/csv' });
  const report = run.report();
  const columns = processedColumns(await sampleLines(store, keys.processed));
  const parquet = await writeProcessedParquet(store, keys.processed, keys.parquet, columns);
  const rejections = [...run.rejections, ...parquet.rejected];
  await store.put(keys.quarantine, encodeJsonLines(rejections), { contentType: 'application/x-ndjson' });
  const result: OrdersObjectResult = {
    source,
    keys,
    report,
    parquet: { rows: parquet.rows, rejected: parquet.rejected.length, columns },
    quarantined: rejections.length,
  };
  await store.put(keys.report, `${JSON.stringify(result, null, 2)}\n`, { contentType: 'application/json' });
  return result;
}
