import { type RecordVerdict, retryLater, type SqsMessage } from '@sluice/core/lambda';
import { dropped, kept, rejected } from '@sluice/core/outcome';
import type { Notification, Notifier } from '@sluice/sinks/notify';
import {
  classifyTransaction,
  type TransactionItem,
  type TransactionNotification,
} from '@sluice/transforms/transactions';
import { type OutboxNotification, pendingNotification, type TransactionTable } from './transaction-table.js';

/** What one message needs: where items go, where notifications go, and the rule's threshold. */
export interface StoreAndNotifyDeps {
  table: TransactionTable;
  notifier: Notifier;
  largeOrderThreshold: number;
  /** Clock for the `deliveredAt` mark. */
  now: () => number;
  /** Told about each transaction this delivery finished storing and notifying (local counts). */
  onStored?: (item: TransactionItem, sent: readonly TransactionNotification[]) => void;
}

/**
 * The per-message step of the transaction handler, an outbox: classify, then ONE conditional put
 * stores the item with its notification `pending`; the notification is published under its
 * deterministic id and marked `delivered`.
 * - invalid body → rejected (`invalid-json`, `schema`, `amount-overflow`), never stored; an item or
 *   key over DynamoDB's limits throws a permanent error → rejected on the first delivery;
 * - same id, other content → rejected `conflict`;
 * - same content, notification delivered (or none owed) → dropped `duplicate`;
 * - same content, notification still `pending` (an earlier delivery crashed or failed after the
 *   write) → the stored notification is published now, under the same id;
 * - publish failed → retryLater, so SQS redelivers it (and dead-letters it after maxReceiveCount).
 * A crash between publish and mark publishes again under the same id: receivers that dedup by id
 * (SNS FIFO topics, the local notifier) see it once; a standard SNS topic is at-least-once.
 *
 * @example sqsBatchHandler({ process: storeAndNotify({ table, notifier, largeOrderThreshold: 100, now: Date.now }), onReject })
 */
export function storeAndNotify(deps: StoreAndNotifyDeps) {
  return async (message: SqsMessage): Promise<RecordVerdict> => {
    const outcome = classifyTransaction(message.body, { largeOrderThreshold: deps.largeOrderThreshold });
    if (outcome.kind === 'rejected') return outcome;
    // The rule owes at most one notification per transaction: the outbox holds one.
    const { item, notifications } = outcome.value;
    const [notification] = notifications;
    const written = await deps.table.put(item, notification);
    if (written === 'conflict') {
      return rejected('conflict', `TransactionID ${item.TransactionID} is stored with other content`);
    }
    const owed =
      written === 'created'
        ? notification && pendingNotification(notification)
        : await deps.table.owedNotification(item.TransactionID);
    if (owed) return deliver(deps, item, owed);
    if (written === 'duplicate') return dropped('duplicate');
    deps.onStored?.(item, []);
    return kept(item);
  };
}

async function deliver(deps: StoreAndNotifyDeps, item: TransactionItem, owed: OutboxNotification) {
  const report = await deps.notifier.publish([asNotification(item, owed)]);
  const [failed] = report.failed;
  if (failed) return retryLater(`notification-failed: ${failed.reason}`, failed.message);
  const [refused] = report.rejected;
  if (refused) return rejected('notification-refused', `${refused.reason}: ${refused.message}`);
  await deps.table.markDelivered(item.TransactionID, owed.id, isoTime(deps.now()));
  const { id, kind, subject, message } = owed;
  deps.onStored?.(item, [{ id, kind, subject, message, transactionId: item.TransactionID }]);
  return kept(item);
}

/**
 * Subscribers filter on `kind` (SNS message attribute), find the transaction by id and drop a
 * repeat by `notificationId`; a FIFO topic does that itself (the id is its deduplication id).
 */
function asNotification(item: TransactionItem, owed: OutboxNotification): Notification {
  return {
    id: owed.id,
    groupId: owed.kind,
    subject: owed.subject,
    message: owed.message,
    attributes: { kind: owed.kind, transactionId: item.TransactionID, notificationId: owed.id },
  };
}

let lastMs = Number.NaN;
let lastIso = '';

/** `deliveredAt`: the messages of a batch mostly share a millisecond, so its text is made once. */
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
