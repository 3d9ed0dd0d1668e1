import type { Outcome } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import { totalCents } from './cents.js';
import { TransactionOptionsError } from './errors.js';
import { transactionFingerprint } from './fingerprint.js';
import { transactionNotification } from './notifications.js';
import {
  type Transaction,
  type TransactionItem,
  TransactionMessageSchema,
  type TransactionNotification,
  type TransactionStatus,
} from './schema.js';

export interface ClassifyTransactionOptions {
  /** Orders of more units than this are `pending` with a large-order alert. Default 100. */
  largeOrderThreshold?: number;
}

/** What to store, and what to publish once the store succeeded. */
export interface ClassifiedTransaction {
  item: TransactionItem;
  notifications: TransactionNotification[];
}

/** A transaction is stored (kept) or quarantined (rejected); none is dropped. */
export type TransactionOutcome = Exclude<Outcome<ClassifiedTransaction>, { kind: 'dropped' }>;

/**
 * Validates an SQS transaction body (a JSON string or a parsed object) and classifies it:
 * quantity ≤ 0 → `incomplete` (stored, no notification); quantity > `largeOrderThreshold` →
 * `pending` + a large-order alert; otherwise `confirmed` + an inventory notification. Invalid bodies
 * are rejected (`invalid-json`, `schema`, `amount-overflow`) with the field named.
 *
 * @example
 * const outcome = classifyTransaction(record.body, { largeOrderThreshold: 100 });
 * if (outcome.kind === 'kept') await store(outcome.value.item); // then publish outcome.value.notifications
 */
export function classifyTransaction(
  body: unknown,
  options: ClassifyTransactionOptions = {},
): TransactionOutcome {
  const threshold = largeOrderThresholdOf(options);
  const read = readTransaction(body);
  if (read.kind === 'rejected') return read;
  const tx = read.value;
  const cents = totalCents(tx.quantity, tx.unit_price);
  if (cents === undefined) {
    return reject(
      'amount-overflow',
      `quantity × unit_price: ${tx.quantity} × ${tx.unit_price} exceeds 2^53 cents`,
    );
  }
  const status = tx.quantity <= 0 ? 'incomplete' : tx.quantity > threshold ? 'pending' : 'confirmed';
  const kind = status === 'pending' ? 'large-order' : 'inventory';
  const notifications = status === 'incomplete' ? [] : [transactionNotification(kind, tx, cents, threshold)];
  return { kind: 'kept', value: { item: itemOf(tx, status, cents), notifications } };
}

function itemOf(tx: Transaction, status: TransactionStatus, cents: number): TransactionItem {
  return {
    TransactionID: tx.transaction_id,
    ProductName: tx.product_name,
    Quantity: tx.quantity,
    UnitPrice: tx.unit_price,
    TotalCents: cents,
    Status: status,
    Fingerprint: transactionFingerprint(tx),
  };
}

function largeOrderThresholdOf(options: ClassifyTransactionOptions): number {
  const threshold = options.largeOrderThreshold ?? 100;
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new TransactionOptionsError(`largeOrderThreshold must be an integer >= 0, got ${threshold}`);
  }
  return threshold;
}

function readTransaction(body: unknown): Exclude<Outcome<Transaction>, { kind: 'dropped' }> {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch (error) {
      return reject('invalid-json', `body: is not JSON (${(error as Error).message})`);
    }
  }
  const parsed = TransactionMessageSchema.safeParse(value);
  if (!parsed.success) return reject('schema', describeIssues(parsed.error.issues));
  return { kind: 'kept', value: parsed.data };
}

function reject(reason: string, message: string): { kind: 'rejected'; reason: string; message: string } {
  return { kind: 'rejected', reason, message };
}
