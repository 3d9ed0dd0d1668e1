import type { S3KeyFilter } from '@sluice/core/lambda';

/** The objects the pipeline listens to: CSV files (any case of `.csv`) directly under the `raw/` folder tree. */
export const RAW_ORDERS: S3KeyFilter = { prefix: 'raw/', suffix: '.csv' };

/** Where each stage writes the outputs of one raw object. */
export interface OrderOutputKeys {
  /** The raw object's key without `raw/` and its extension: `raw/2025/Orders.CSV` → `2025/Orders`. */
  name: string;
  processed: string;
  parquet: string;
  quarantine: string;
  report: string;
}

/**
 * Output keys of a raw object; each is a pure function of the input key, so a re-run overwrites its
 * own outputs instead of adding new ones.
 *
 * @example
 * orderOutputKeys('raw/orders.csv');
 * // { name: 'orders', processed: 'processed/orders.csv', parquet: 'processed-parquet/orders.parquet',
 * //   quarantine: 'quarantine/orders.jsonl', report: 'reports/orders.json' }
 */
export function orderOutputKeys(rawKey: string): OrderOutputKeys {
  const name = rawKey.slice(RAW_ORDERS.prefix?.length ?? 0).replace(/\.csv$/i, '');
  return {
    name,
    processed: `processed/${name}.csv`,
    parquet: `processed-parquet/${name}.parquet`,
    quarantine: `quarantine/${name}.jsonl`,
    report: `reports/${name}.json`,
  };
}
