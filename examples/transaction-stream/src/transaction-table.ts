import type { Item, KeySchema, KeyValueSink } from '@sluice/sinks/dynamodb';
import type { TransactionItem, TransactionNotification } from '@sluice/transforms/transactions';

/** The key attribute of the transactions table. */
export const TRANSACTION_KEY = 'TransactionID';
/** The item's outbox: the notification it owes, written with the item and marked once delivered. */
export const NOTIFICATION = 'Notification';

/**
 * The table's key and the attribute `putIfAbsent` keeps its fingerprint in: the transform's
 * fingerprint normalises content (7 and "7" are the same id), so that is what a redelivery compares.
 *
 * @example new DynamoDbSink(transactionTableSchema('transactions')) // or new FileKeyValueSink(…) locally
 */
export function transactionTableSchema(tableName: string): KeySchema & { fingerprintAttribute: string } {
  return { tableName, partitionKey: TRANSACTION_KEY, fingerprintAttribute: 'Fingerprint' };
}

/**
 * A transaction's notification as the item holds it. `pending` from the write that stored the
 * item until a delivery published it and marked it `delivered`; every delivery sends this text under
 * this `id`, so a repeat is recognisable.
 */
export interface OutboxNotification {
  id: string;
  status: 'pending' | 'delivered';
  kind: TransactionNotification['kind'];
  subject: string;
  message: string;
  deliveredAt?: string;
}

/**
 * The transactions table as an outbox: the item and the notification it owes are one conditional
 * put, so no crash can leave one without the other; a later delivery finds the notification still
 * `pending` and sends it, and a conditional update marks it `delivered`. No transactions are used.
 * Everything goes through the `KeyValueSink` port: DynamoDB on AWS, a local file table in the demo, dynalite in
 * integration tests, with the same conditional-write semantics.
 *
 * @example
 * const table = new TransactionTable(new DynamoDbSink(transactionTableSchema('transactions')));
 * const written = await table.put(item, notification); // 'created' | 'duplicate' | 'conflict'
 * const owed = await table.owedNotification(item.TransactionID); // still pending after a crash?
 */
export class TransactionTable {
  /** `sink` writes to a table of {@link transactionTableSchema}'s shape. */
  constructor(readonly sink: KeyValueSink) {}

  /**
   * Stores the item with its notification `pending`, unless the id is stored: `created`,
   * `duplicate` (same content stored before) or `conflict` (same id, other content).
   */
  put(item: TransactionItem, notification?: TransactionNotification) {
    if (!notification) return this.sink.putIfAbsent(item, { fingerprint: item.Fingerprint });
    // A copy, then one attribute added: a spread with another attribute in the same literal took
    // V8's slow path, about as long per message as the sink's write.
    const stored: Item = { ...item };
    stored[NOTIFICATION] = pendingNotification(notification);
    return this.sink.putIfAbsent(stored, { fingerprint: item.Fingerprint });
  }

  /** The stored item's notification if it is still owed (`pending`), else undefined. */
  async owedNotification(transactionId: string): Promise<OutboxNotification | undefined> {
    const stored = await this.sink.get({ [TRANSACTION_KEY]: transactionId });
    const notification = stored?.[NOTIFICATION] as OutboxNotification | undefined;
    return notification?.status === 'pending' ? notification : undefined;
  }

  /**
   * Marks the notification `delivered`. Conditional (`pending` and the same id), so the first mark
   * wins; a concurrent delivery that also published finds it set and leaves it as it is.
   */
  async markDelivered(transactionId: string, notificationId: string, at: string): Promise<void> {
    await this.sink.updateIf(
      { [TRANSACTION_KEY]: transactionId },
      {
        when: [
          { path: [NOTIFICATION, 'id'], value: notificationId },
          { path: [NOTIFICATION, 'status'], value: 'pending' },
        ],
        set: [
          { path: [NOTIFICATION, 'status'], value: 'delivered' },
          { path: [NOTIFICATION, 'deliveredAt'], value: at },
        ],
      },
    );
  }
}

/**
 * The outbox entry a new item carries: the notification, not yet delivered.
 *
 * @example await table.put(item, notification) // stores pendingNotification(notification) beside the item
 */
export function pendingNotification(notification: TransactionNotification): OutboxNotification {
  const { id, kind, subject, message } = notification;
  return { id, status: 'pending', kind, subject, message };
}
