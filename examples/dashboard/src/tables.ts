import { defineTable, type TableDefinition } from '@sluice/athena';

/**
 * The transactions table's items as JSON Lines (what the transaction stream's local run leaves in
 * `table/`, and a DynamoDB export gives Athena): one object per stored transaction.
 *
 * @example transactionsTable('s3://transactions-bucket/table/')
 */
export function transactionsTable(location: string): TableDefinition {
  return defineTable({
    name: 'transactions',
    format: 'json',
    location,
    columns: [
      { name: 'transaction_id', type: 'string' },
      { name: 'product_name', type: 'string' },
      { name: 'quantity', type: 'bigint' },
      { name: 'unit_price', type: 'double' },
      { name: 'total', type: 'double' },
      { name: 'status', type: 'string' },
      { name: 'notified', type: 'boolean' },
    ],
  });
}

/**
 * The bot detections' items as JSON Lines (the ecommerce stream's `detections/`): one object per
 * (key, window) over the flag threshold, window bounds as ISO 8601 UTC text.
 *
 * @example detectionsTable('s3://ecommerce-events/detections/')
 */
export function detectionsTable(location: string): TableDefinition {
  return defineTable({
    name: 'bot_detections',
    format: 'json',
    location,
    columns: [
      { name: 'key', type: 'string' },
      { name: 'window_start', type: 'string' },
      { name: 'window_end', type: 'string' },
      { name: 'count', type: 'bigint' },
      { name: 'severity', type: 'string' },
    ],
  });
}
