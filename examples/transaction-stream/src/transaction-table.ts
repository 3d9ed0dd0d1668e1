import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { retry } from '@sluice/core/retry';
import { DynamoDbSink } from '@sluice/sinks/dynamodb';
import type { TransactionItem } from '@sluice/transforms/transactions';

/** The key attribute of the transactions table. */
export const TRANSACTION_KEY = 'TransactionID';
/** Set once the item's notifications were published; absent while they are still owed. */
export const NOTIFIED_AT = 'NotifiedAt';

/** Options of {@link TransactionTable}. */
export interface TransactionTableOptions {
  tableName: string;
  /** A ready client (document or low-level). Default: a new client from the Lambda environment. */
  client?: DynamoDBDocumentClient | DynamoDBClient;
}

/**
 * The transactions table: idempotent puts of classified items, and the "notified" mark that lets a
 * redelivery finish what an earlier delivery started (publish once the write succeeded, then mark).
 *
 * @example
 * const table = new TransactionTable({ tableName: 'transactions', client });
 * if ((await table.put(item)) === 'created') await publishThenMark();
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

  /** `created`, `duplicate` (same content stored before) or `conflict` (same id, other content). */
  put(item: TransactionItem) {
    return this.#sink.putIfAbsent({ ...item }, { fingerprint: item.Fingerprint });
  }

  /** Whether the item's notifications were already published. */
  async isNotified(transactionId: string): Promise<boolean> {
    const stored = await this.#sink.get({ [TRANSACTION_KEY]: transactionId });
    return stored?.[NOTIFIED_AT] !== undefined;
  }

  /**
   * Marks the item notified. Conditional, so the first mark wins; a concurrent delivery that also
   * published (the at-least-once window) finds it set and leaves it as it is.
   */
  async markNotified(transactionId: string, at: string): Promise<void> {
    const command = new UpdateCommand({
      TableName: this.#tableName,
      Key: { [TRANSACTION_KEY]: transactionId },
      UpdateExpression: 'SET #notified = :at',
      ConditionExpression: 'attribute_exists(#key) AND attribute_not_exists(#notified)',
      ExpressionAttributeNames: { '#key': TRANSACTION_KEY, '#notified': NOTIFIED_AT },
      ExpressionAttributeValues: { ':at': at },
    });
    await retry(() => this.#client.send(command), { maxAttempts: 5, baseDelayMs: 50 }).catch(
      (error: unknown) => {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      },
    );
  }
}

function documentClient(client: DynamoDBDocumentClient | DynamoDBClient | undefined): DynamoDBDocumentClient {
  if (client instanceof DynamoDBDocumentClient) return client;
  const base = client ?? new DynamoDBClient({});
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}
