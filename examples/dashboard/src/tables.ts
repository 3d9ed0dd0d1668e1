import { defineTable, type TableDefinition } from '@sluice/athena';
import * as z from 'zod/mini';

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
    schema: z.object({
      transaction_id: z.string(),
      product_name: z.string(),
      quantity: z.int(),
      unit_price: z.number(),
      total: z.number(),
      status: z.string(),
      notified: z.boolean(),
    }),
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
    schema: z.object({
      key: z.string(),
      window_start: z.string(),
      window_end: z.string(),
      count: z.int(),
      severity: z.string(),
    }),
  });
}
