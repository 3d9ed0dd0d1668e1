import { createHash } from 'node:crypto';

/** The bucket the pipeline reads and writes; locally a folder of the demo directory. */
export const EVENTS_BUCKET = 'ecommerce-events';

/** The Kinesis stream the events are put on; dead-lettered records name it in their position. */
export const EVENTS_STREAM = 'ecommerce-events';

/** Object keys and prefixes inside {@link EVENTS_BUCKET}. */
export const KEYS = {
  /** The raw rees46 export. */
  rawEvents: 'raw/events.csv',
  /** The Parquet dataset, `events/date=YYYY-MM-DD/part-<source>-<n>.parquet`. */
  eventsDataset: 'events/',
  /** Rows the batch path could not read, one JSON Lines file per raw object (see {@link eventsOutputKeys}). */
  batchQuarantine: 'quarantine/batch/',
  /** The batch path's run report of each raw object. */
  batchReports: 'reports/batch/',
  /** Records the stream path could not read. */
  streamQuarantine: 'quarantine/stream/',
  /** The bot detector's state of each shard between invocations. */
  detectorState: 'state/bot-detector/',
  /** Run reports and query results as JSON. */
  reports: 'reports/',
} as const;

/** What one raw events object owns in the bucket: replacing it replaces these, and nothing else. */
export interface EventsOutputKeys {
  /** Names the object's Parquet files (`part-<source>-<n>.parquet`) in every date partition. */
  source: string;
  quarantine: string;
  report: string;
}

const FILE_NAME = /^[\w.-]+$/;

/**
 * The outputs of a raw object, named after its key: `raw/2019-Oct.csv` owns
 * `events/date=…/part-2019-Oct-<n>.parquet`, `quarantine/batch/2019-Oct.jsonl` and
 * `reports/batch/2019-Oct.json`. A key with folders or other characters gets `_` for them and a
 * hash of the whole key, so two keys never share outputs.
 *
 * @example eventsOutputKeys('raw/2019-Nov.csv').quarantine // 'quarantine/batch/2019-Nov.jsonl'
 */
export function eventsOutputKeys(rawKey: string): EventsOutputKeys {
  const name = rawKey.replace(/^raw\//, '').replace(/\.csv$/, '');
  const source = FILE_NAME.test(name)
    ? name
    : `${name.replace(/[^\w.-]/g, '_')}-${createHash('sha256').update(rawKey).digest('hex').slice(0, 8)}`;
  return {
    source,
    quarantine: `${KEYS.batchQuarantine}${source}.jsonl`,
    report: `${KEYS.batchReports}${source}.json`,
  };
}

/** The DynamoDB table of detections: one item per (key, windowStart). */
export const DETECTIONS_TABLE = {
  tableName: 'bot-detections',
  partitionKey: 'key',
  sortKey: 'windowStart',
  sortKeyType: 'N',
} as const;

/** Namespace of the EMF metrics. */
export const METRICS_NAMESPACE = 'Sluice/Ecommerce';
