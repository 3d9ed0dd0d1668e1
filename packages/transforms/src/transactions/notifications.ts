import { hash } from 'node:crypto';
import { formatCents } from './cents.js';
import type { Transaction, TransactionNotification } from './schema.js';

/** SNS: a subject is under 100 characters, with no line breaks or control characters. */
const SUBJECT_MAX = 99;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * A subject SNS accepts: control characters become spaces, and it is cut (with `...`) at a
 * code-point boundary under 100 characters.
 *
 * @example notificationSubject('Large order 7: 500 x Kettle') // unchanged
 */
export function notificationSubject(text: string): string {
  const clean = text.replace(CONTROL, ' ').trim();
  if (clean.length <= SUBJECT_MAX) return clean;
  let cut = '';
  for (const char of clean) {
    if (cut.length + char.length > SUBJECT_MAX - 3) break;
    cut += char;
  }
  return `${cut}...`;
}

/**
 * The id of a transaction's notification: the same for every delivery of it (a redelivery, a rerun
 * after a crash), different for every transaction and kind, and at most 128 characters of
 * letters, digits and `-`, as an SNS FIFO `MessageDeduplicationId` must be, whatever the id holds.
 *
 * @example transactionNotificationId('7', 'inventory') // 'inventory-3f0c…' (64 hex digits)
 */
export function transactionNotificationId(
  transactionId: string,
  kind: TransactionNotification['kind'],
): string {
  const digest = hash('sha256', JSON.stringify(['transaction-notification/v1', transactionId, kind]), 'hex');
  return `${kind}-${digest}`;
}

/**
 * The alert for an order above the large-order threshold, awaiting review.
 *
 * @example largeOrderAlert(tx, 37500, 100).subject // 'Large order 7: 150 x Kettle'
 */
export function largeOrderAlert(tx: Transaction, cents: number, threshold: number): TransactionNotification {
  return {
    id: transactionNotificationId(tx.transaction_id, 'large-order'),
    kind: 'large-order',
    transactionId: tx.transaction_id,
    subject: notificationSubject(`Large order ${tx.transaction_id}: ${tx.quantity} x ${tx.product_name}`),
    message:
      `Transaction ${tx.transaction_id} is pending review: ${tx.quantity} x ${tx.product_name} at ` +
      `${tx.unit_price} = ${formatCents(cents)}, above the large-order threshold of ${threshold} units.`,
  };
}

/**
 * The inventory notification of a confirmed order.
 *
 * @example inventoryNotification(tx, 30).subject // 'Order 7 confirmed: 3 x Kettle'
 */
export function inventoryNotification(tx: Transaction, cents: number): TransactionNotification {
  return {
    id: transactionNotificationId(tx.transaction_id, 'inventory'),
    kind: 'inventory',
    transactionId: tx.transaction_id,
    subject: notificationSubject(`Order ${tx.transaction_id} confirmed: ${tx.quantity} x ${tx.product_name}`),
    message:
      `Transaction ${tx.transaction_id} confirmed: ${tx.quantity} x ${tx.product_name} at ` +
      `${tx.unit_price} = ${formatCents(cents)}. Reduce stock of "${tx.product_name}" by ${tx.quantity}.`,
  };
}
