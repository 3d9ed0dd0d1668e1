import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { retry } from '@sluice/core/retry';
import { DynamoDbSink } from '@sluice/sinks/dynamodb';
import type { TransactionItem, TransactionNotification } from '@sluice/transforms/transactions';

/** The key attribute of the transactions table. */
export const TRANSACTION_KEY = 'TransactionID';
/** The item's outbox: the notification it owes, written with the item and marked once delivered. */
export const NOTIFICATION = 'Notification';

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

/** Options of {@link TransactionTable}. */
export interface TransactionTableOptions {
  tableName: string;
  /** A ready client (document or low-level). Default: a new client from the Lambda environment. */
  client?: DynamoDBDocumentClient | DynamoDBClient;
}

/**
 * The transactions table as an outbox: the item and the notification it owes are one conditional
 * put, so no crash can leave one without the other; a later delivery finds the notification still
 * `pending` and sends it, and a conditional update marks it `delivered`. No transactions are used.
 *
 * @example
 * const table = new TransactionTable({ tableName: 'transactions', client });
 * const written = await table.put(item, notification); // 'created' | 'duplicate' | 'conflict'
 * const owed = await table.owedNotification(item.TransactionID); // still pending after a crash?
 */
export class TransactionTable {
  readonly #sink: DynamoDbSink;
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: TransactionTableOptions) {
    this.#tableName = options.tableName;
    this.#client = documentClient(options.client);
    this.#sink = new DynamoDbSink({
      tableName: options.tableName,
      partitionKey: TRANSACTION_KEY,
      client: this.#client,
      // The transform's fingerprint normalises content (7 and "7" are the same id), so compare that.
      fingerprintAttribute: 'Fingerprint',
    });
  }

  /**
   * Stores the item with its notification `pending`, unless the id is stored: `created`,
   * `duplicate` (same content stored before) or `conflict` (same id, other content).
   */
  put(item: TransactionItem, notification?: TransactionNotification) {
    const outbox = notification && { [NOTIFICATION]: pendingNotification(notification) };
    return this.#sink.putIfAbsent({ ...item, ...outbox }, { fingerprint: item.Fingerprint });
  }

  /** The stored item's notification if it is still owed (`pending`), else undefined. */
  async owedNotification(transactionId: string): Promise<OutboxNotification | undefined> {
    const stored = await this.#sink.get({ [TRANSACTION_KEY]: transactionId });
    const notification = stored?.[NOTIFICATION] as OutboxNotification | undefined;
    return notification?.status === 'pending' ? notification : undefined;
  }

  /**
   * Marks the notification `delivered`. Conditional (`pending` and the same id), so the first mark
   * wins; a concurrent delivery that also published finds it set and leaves it as it is.
   */
  async markDelivered(transactionId: string, notificationId: string, at: string): Promise<void> {
    const command = new UpdateCommand({
      TableName: this.#tableName,
      Key: { [TRANSACTION_KEY]: transactionId },
      UpdateExpression: 'SET #n.#status = :delivered, #n.#at = :at',
      ConditionExpression: '#n.#id = :id AND #n.#status = :pending',
      ExpressionAttributeNames: {
        '#n': NOTIFICATION,
        '#status': 'status',
        '#at': 'deliveredAt',
        '#id': 'id',
      },
      ExpressionAttributeValues: {
        ':delivered': 'delivered',
        ':pending': 'pending',
        ':at': at,
        ':id': notificationId,
      },
    });
    await retry(() => this.#client.send(command), { maxAttempts: 5, baseDelayMs: 50 }).catch(
      (error: unknown) => {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
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

function documentClient(client: DynamoDBDocumentClient | DynamoDBClient | undefined): DynamoDBDocumentClient {
  if (client instanceof DynamoDBDocumentClient) return client;
  const base = client ?? new DynamoDBClient({});
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}
