/** Where everything lives in the lake's bucket (seed 002's `multi-source-data-lake` layout). */
export const LAKE_BUCKET = 'multi-source-data-lake';

/** The two domains, each a Kinesis stream, a processor and a dataset. */
export type Domain = 'maintenance' | 'customers';

export const RAW_KEYS: Record<Domain, string> = {
  maintenance: 'raw/manufacturing/smart_manufacturing_data.csv',
  customers: 'raw/ecommerce/Ecommerce_Consumer_Behavior_Analysis_Data.csv',
};

export const STREAMS: Record<Domain, string> = {
  maintenance: 'manufacturing-data-stream',
  customers: 'ecommerce-data-stream',
};

/** The Parquet datasets: `lake/maintenance/date=YYYY-MM-DD/…`, `lake/customers/customer_segment=…/…`. */
export const DATASET_PREFIXES: Record<Domain, string> = {
  maintenance: 'lake/maintenance/',
  customers: 'lake/customers/',
};

export const ALERTS_PREFIX = 'lake/alerts/maintenance/';

/** Rejected records as JSON Lines, one object per batch or chunk. */
export const quarantinePrefix = (domain: Domain): string => `quarantine/${domain}/`;

export const checkpointKey = (domain: Domain): string => `state/ingestion-${domain}.json`;

export const ANALYTICS_KEYS = {
  maintenance: 'analytics/manufacturing/summary.json',
  customers: 'analytics/ecommerce/summary.json',
  integrated: 'analytics/integrated/scores.json',
  reports: 'analytics/integrated/run-reports.json',
} as const;
