import { type RecordVerdict, retryLater, type SqsMessage } from '@sluice/core/lambda';
import { dropped, kept, rejected } from '@sluice/core/outcome';
import type { Notification, Notifier } from '@sluice/sinks/notify';
import {
  type ClassifiedTransaction,
  classifyTransaction,
  type TransactionItem,
  type TransactionNotification,
} from '@sluice/transforms/transactions';
import type { TransactionTable } from './transaction-table.js';

/** What one message needs: where items go, where notifications go, and the rule's threshold. */
export interface StoreAndNotifyDeps {
  table: TransactionTable;
  notifier: Notifier;
  largeOrderThreshold: number;
  /** Clock for the `NotifiedAt` mark. */
  now: () => number;
  /** Told about each transaction this delivery finished storing and notifying (local counts). */
  onStored?: (item: TransactionItem, sent: readonly TransactionNotification[]) => void;
}

/**
 * The per-message step of the transaction handler: classify, write idempotently, and only after
 * the write publish the notifications, then mark the item notified.
 * - invalid body → rejected (`invalid-json`, `schema`, `amount-overflow`), never stored;
 * - same id, other content → rejected `conflict`;
 * - same content, already notified (or nothing to notify) → dropped `duplicate`;
 * - stored but not yet notified (an earlier delivery failed after the write) → published now;
 * - publish failed → retryLater, so SQS redelivers it (and dead-letters it after maxReceiveCount).
 * At-least-once caveat: a crash between publish and mark republishes on redelivery.
 *
 * @example sqsBatchHandler({ process: storeAndNotify({ table, notifier, largeOrderThreshold: 100, now: Date.now }), onReject })
 */
export function storeAndNotify(deps: StoreAndNotifyDeps) {
  return async (message: SqsMessage): Promise<RecordVerdict> => {
    const outcome = classifyTransaction(message.body, { largeOrderThreshold: deps.largeOrderThreshold });
    if (outcome.kind === 'rejected') return outcome;
    const { item, notifications } = outcome.value;
    const written = await deps.table.put(item);
    if (written === 'conflict') {
      return rejected('conflict', `TransactionID ${item.TransactionID} is stored with other content`);
    }
    if (
      written === 'duplicate' &&
      (notifications.length === 0 || (await deps.table.isNotified(item.TransactionID)))
    ) {
      return dropped('duplicate');
    }
    return notify(deps, outcome.value);
  };
}

async function notify(deps: StoreAndNotifyDeps, { item, notifications }: ClassifiedTransaction) {
  if (notifications.length > 0) {
    const report = await deps.notifier.publish(notifications.map(asNotification));
    const [failed] = report.failed;
    if (failed) return retryLater(`notification-failed: ${failed.reason}`, failed.message);
    const [refused] = report.rejected;
    if (refused) return rejected('notification-refused', `${refused.reason}: ${refused.message}`);
    await deps.table.markNotified(item.TransactionID, new Date(deps.now()).toISOString());
  }
  deps.onStored?.(item, notifications);
  return kept(item);
}

/** Subscribers filter on `kind` (SNS message attribute) and find the transaction by id. */
function asNotification(notification: TransactionNotification): Notification {
  return {
    subject: notification.subject,
    message: notification.message,
    attributes: { kind: notification.kind, transactionId: notification.transactionId },
  };
}
