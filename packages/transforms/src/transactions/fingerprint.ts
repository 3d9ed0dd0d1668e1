import { hash } from 'node:crypto';
import type { Transaction, TransactionItem } from './schema.js';

/** Either side of an idempotency check: the incoming transaction or the stored item. */
export type TransactionContent = Transaction | TransactionItem;

function normalisedContent(content: TransactionContent): string {
  const fields =
    'TransactionID' in content
      ? [content.TransactionID, content.ProductName, content.Quantity, content.UnitPrice]
      : [content.transaction_id, content.product_name, content.quantity, content.unit_price];
  // String(price) is the shortest round-trip decimal: 2.5 and 2.50 are the same price.
  return JSON.stringify(['transaction/v1', fields[0], fields[1], fields[2], String(fields[3])]);
}

/**
 * A stable SHA-256 (hex) of a transaction's normalised content: id as string, trimmed name,
 * quantity, price. Equal for `transaction_id: 7` and `"7"`; independent of key order.
 *
 * @example transactionFingerprint({ transaction_id: '7', product_name: 'Kettle', quantity: 1, unit_price: 20 })
 */
export function transactionFingerprint(content: TransactionContent): string {
  return hash('sha256', normalisedContent(content), 'hex');
}

/**
 * Whether two transactions carry the same content: a redelivery (write succeeds, no second
 * notification) rather than a conflict (same id, other content: quarantine).
 *
 * @example if (!sameTransaction(storedItem, incoming)) quarantine('conflict')
 */
export function sameTransaction(a: TransactionContent, b: TransactionContent): boolean {
  return normalisedContent(a) === normalisedContent(b);
}
