import type {
  TransactionItem,
  TransactionNotification,
  TransactionStatus,
} from '@sluice/transforms/transactions';

/** What a run stored (by status) and sent (by kind). */
export interface StoredCounts {
  statuses: Record<TransactionStatus, number>;
  notifications: { inventory: number; largeOrder: number };
}

/**
 * Counts the transactions a run finished storing and notifying, fed by the handler's `onStored`.
 *
 * @example const counts = storedCounts(); processTransactionsHandler({ onStored: counts.add }); counts.summary();
 */
export function storedCounts() {
  const statuses: Record<TransactionStatus, number> = { confirmed: 0, pending: 0, incomplete: 0 };
  const notifications = { inventory: 0, largeOrder: 0 };
  return {
    add(item: TransactionItem, sent: readonly TransactionNotification[]): void {
      statuses[item.Status]++;
      for (const notification of sent) {
        if (notification.kind === 'inventory') notifications.inventory++;
        else notifications.largeOrder++;
      }
    },
    summary: (): StoredCounts => ({ statuses: { ...statuses }, notifications: { ...notifications } }),
  };
}
