import { countField, defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

const count = countField();
const money = z.nullable(z.number());

/**
 * Stored transactions per status, their value and how many were notified.
 *
 * @example (await engine.run(transactionStatuses, {})).rows // [{ status: 'confirmed', transactions: 851, … }]
 */
export const transactionStatuses = defineQuery({
  name: 'transaction_statuses',
  sql: `SELECT status, COUNT(*) AS transactions, SUM(total) AS total_value, COUNT_IF(notified) AS notified
        FROM transactions GROUP BY status ORDER BY transactions DESC, status`,
  row: z.object({ status: z.string(), transactions: count, total_value: money, notified: count }),
});

/**
 * Notifications sent, by kind: a confirmed transaction's inventory update, a pending one's
 * large-order alert (incomplete ones send none).
 *
 * @example (await engine.run(transactionNotifications, {})).rows // [{ kind: 'inventory', notifications: 851 }, …]
 */
export const transactionNotifications = defineQuery({
  name: 'transaction_notifications',
  sql: `SELECT CASE status WHEN 'pending' THEN 'large-order alert' ELSE 'inventory update' END AS kind,
          COUNT(*) AS notifications, SUM(total) AS total_value
        FROM transactions WHERE notified AND status IN ('confirmed', 'pending')
        GROUP BY 1 ORDER BY notifications DESC`,
  row: z.object({ kind: z.string(), notifications: count, total_value: money }),
});

/**
 * The `:top` largest stored transactions by value.
 *
 * @example (await engine.run(largestTransactions, { top: 10 })).rows
 */
export const largestTransactions = defineQuery({
  name: 'largest_transactions',
  sql: `SELECT transaction_id, product_name, quantity, total, status FROM transactions
        ORDER BY total DESC, transaction_id LIMIT :top`,
  params: { top: z.int().check(z.positive()) },
  row: z.object({
    transaction_id: z.string(),
    product_name: z.string(),
    quantity: count,
    total: z.number(),
    status: z.string(),
  }),
});
