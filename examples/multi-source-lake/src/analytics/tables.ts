import type { TableDefinition } from '@sluice/athena';
import { defineTable } from '@sluice/athena';
import { ALERTS_PREFIX, DATASET_PREFIXES, LAKE_BUCKET } from '../layout.js';

const double = (name: string) => ({ name, type: 'double' });
const string = (name: string) => ({ name, type: 'string' });

/**
 * The lake's tables (the Glue crawlers' job), the same definitions for Athena DDL and DuckDB.
 *
 * @example const engine = await createDuckDbEngine({ localRoot: dir, tables: lakeTables() });
 */
export function lakeTables(bucket = LAKE_BUCKET): TableDefinition[] {
  return [
    defineTable({
      name: 'maintenance',
      format: 'parquet',
      location: `s3://${bucket}/${DATASET_PREFIXES.maintenance}`,
      columns: [
        ...['timestamp', 'machine_id', 'failure_type'].map(string),
        ...['temperature', 'vibration', 'anomaly_flag', 'downtime_risk', 'maintenance_priority_score'].map(
          double,
        ),
      ],
      partitions: [string('date')],
    }),
    defineTable({
      name: 'customers',
      format: 'parquet',
      location: `s3://${bucket}/${DATASET_PREFIXES.customers}`,
      columns: [
        ...['customer_id', 'purchase_category', 'purchase_channel', 'location'].map(string),
        ...['purchase_amount', 'frequency_of_purchase', 'brand_loyalty', 'customer_satisfaction'].map(double),
        double('customer_value_score'),
      ],
      partitions: [string('customer_segment')],
    }),
    defineTable({
      name: 'maintenance_alerts',
      format: 'json',
      location: `s3://${bucket}/${ALERTS_PREFIX}`,
      columns: [
        ...['machine_id', 'alert_type', 'timestamp', 'recommended_action'].map(string),
        double('score'),
      ],
    }),
  ];
}
