import { hash } from 'node:crypto';
import type { Transaction } from './schema.js';

/**
 * A stable SHA-256 (hex) of a transaction's normalised content: id as string, trimmed name,
 * quantity, price. Equal for `transaction_id: 7` and `"7"` and for `2.5` and `2.50`; independent of
 * key order. A sink compares it with the stored item's `Fingerprint` to tell a redelivery (same
 * content) from a conflict (same id, other content: quarantine).
 *
 * @example transactionFingerprint({ transaction_id: '7', product_name: 'Kettle', quantity: 1, unit_price: 20 })
 */
export function transactionFingerprint(tx: Transaction): string {
  // String(price) is the shortest round-trip decimal.
  const content = ['transaction/v1', tx.transaction_id, tx.product_name, tx.quantity, String(tx.unit_price)];
  return hash('sha256', JSON.stringify(content), 'hex');
}
