import { defineTable, type TableDefinition } from '@sluice/athena';
import { EVENTS_BUCKET, KEYS } from '../layout.js';

const column = (type: string) => (name: string) => ({ name, type });

/**
 * The events table over the Parquet dataset (the Glue crawler's job), the same definition for
 * Athena DDL and for DuckDB.
 *
 * @example const engine = await createDuckDbEngine({ localRoot: dir, tables: [eventsTable()] });
 */
export function eventsTable(bucket: string = EVENTS_BUCKET): TableDefinition {
  return defineTable({
    name: 'events',
    format: 'parquet',
    location: `s3://${bucket}/${KEYS.eventsDataset}`,
    columns: [
      column('timestamp')('event_time'),
      ...['event_type', 'product_id', 'category_id', 'category_code', 'brand'].map(column('string')),
      column('double')('price'),
      ...['user_id', 'user_session'].map(column('string')),
    ],
    partitions: [column('string')('date')],
  });
}
