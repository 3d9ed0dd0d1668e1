/** The bucket the pipeline reads and writes; locally a folder of the demo directory. */
export const EVENTS_BUCKET = 'ecommerce-events';

/** The Kinesis stream the events are put on; dead-lettered records name it in their position. */
export const EVENTS_STREAM = 'ecommerce-events';

/** Object keys and prefixes inside {@link EVENTS_BUCKET}. */
export const KEYS = {
  /** The raw rees46 export. */
  rawEvents: 'raw/events.csv',
  /** The Parquet dataset, `events/date=YYYY-MM-DD/part-….parquet`. */
  eventsDataset: 'events/',
  /** Rows the batch path could not read, one JSON line each with file and line. */
  batchQuarantine: 'quarantine/batch/events.jsonl',
  /** Records the stream path could not read. */
  streamQuarantine: 'quarantine/stream/',
  /** The bot detector's state of each shard between invocations. */
  detectorState: 'state/bot-detector/',
  /** Run reports and query results as JSON. */
  reports: 'reports/',
} as const;

/** The DynamoDB table of detections: one item per (key, windowStart). */
export const DETECTIONS_TABLE = {
  tableName: 'bot-detections',
  partitionKey: 'key',
  sortKey: 'windowStart',
  sortKeyType: 'N',
} as const;

/** Namespace of the EMF metrics. */
export const METRICS_NAMESPACE = 'Sluice/Ecommerce';
