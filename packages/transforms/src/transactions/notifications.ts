import { hash } from 'node:crypto';
import { formatCents } from './cents.js';
import type { Transaction, TransactionNotification } from './schema.js';

/** SNS: a subject is under 100 characters, with no line breaks or control characters. */
const SUBJECT_MAX = 99;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

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
 * The alert of an order above the large-order `threshold` (awaiting review), or the inventory
 * notification of a confirmed one.
 *
 * @example transactionNotification('inventory', tx, 30, 100).subject // 'Order 7 confirmed: 3 x Kettle'
 */
export function transactionNotification(
  kind: TransactionNotification['kind'],
  tx: Transaction,
  cents: number,
  threshold: number,
): TransactionNotification {
  const { transaction_id: id, quantity, product_name: name } = tx;
  const priced = `${quantity} x ${name} at ${tx.unit_price} = ${formatCents(cents)}`;
  const [subject, message] =
    kind === 'large-order'
      ? [
          `Large order ${id}: ${quantity} x ${name}`,
          `is pending review: ${priced}, above the large-order threshold of ${threshold} units.`,
        ]
      : [
          `Order ${id} confirmed: ${quantity} x ${name}`,
          `confirmed: ${priced}. Reduce stock of "${name}" by ${quantity}.`,
        ];
  const notification = { id: transactionNotificationId(id, kind), kind, transactionId: id };
  return { ...notification, subject: snsSubject(subject), message: `Transaction ${id} ${message}` };
}

/** Control characters become spaces; a long subject is cut (with `...`) at a code-point boundary. */
function snsSubject(text: string): string {
  const clean = text.replace(CONTROL, ' ').trim();
  if (clean.length <= SUBJECT_MAX) return clean;
  let cut = '';
  for (const char of clean) {
    if (cut.length + char.length > SUBJECT_MAX - 3) break;
    cut += char;
  }
  return `${cut}...`;
}
