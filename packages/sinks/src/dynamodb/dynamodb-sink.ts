import { BatchWriteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isRetryableError, RetryExhaustedError, type RetryOptions, retry } from '@sluice/core/retry';
import { assertItemFits, type KeySchema, keyOf, planBatchWrite } from './batch-plan.js';
import { type DynamoDbClientOptions, lazyDocumentClient } from './client.js';
import { AttributePathError, UnprocessedItemsError } from './errors.js';
import { contentFingerprint, sameStoredContent } from './fingerprint.js';
import type {
  AttributeAt,
  BatchWriteReport,
  ConditionalUpdate,
  Item,
  KeyValueSink,
  PutIfAbsentOptions,
  PutIfAbsentResult,
  UpdateIfResult,
} from './key-value-sink.js';

/** Options of {@link DynamoDbSink}. */
export interface DynamoDbSinkOptions extends KeySchema, DynamoDbClientOptions {
  /** Attribute holding the content fingerprint `putIfAbsent` compares. Default `fingerprint`. */
  fingerprintAttribute?: string;
  /** Backoff for throttling and unprocessed items. Default: 8 attempts, 50 ms base. */
  retry?: Omit<RetryOptions, 'signal'>;
}

/**
 * Writes items to one DynamoDB table: idempotent puts, upserts and batched writes, with
 * throttling and `UnprocessedItems` retried with full-jitter backoff. Uses no transactions.
 *
 * @example
 * const sink = new DynamoDbSink({ tableName: 'transactions', partitionKey: 'TransactionID' });
 * await sink.putIfAbsent({ TransactionID: 't-1', quantity: 2 }); // 'created'
 * await sink.putIfAbsent({ TransactionID: 't-1', quantity: 2 }); // 'duplicate'
 * await sink.putIfAbsent({ TransactionID: 't-1', quantity: 9 }); // 'conflict'
 */
export class DynamoDbSink implements KeyValueSink {
  readonly #schema: KeySchema;
  readonly #client: ReturnType<typeof lazyDocumentClient>;
  readonly #fingerprintAttribute: string;
  readonly #retry: Omit<RetryOptions, 'signal'>;

  constructor(options: DynamoDbSinkOptions) {
    this.#schema = {
      tableName: options.tableName,
      partitionKey: options.partitionKey,
      sortKey: options.sortKey,
    };
    this.#client = lazyDocumentClient(options);
    this.#fingerprintAttribute = options.fingerprintAttribute ?? 'fingerprint';
    this.#retry = { maxAttempts: 8, baseDelayMs: 50, ...options.retry };
  }

  /**
   * Puts the item unless its key exists. On a clash it reads the stored item and compares
   * fingerprints: same content is a harmless redelivery (`duplicate`), other content a `conflict`.
   * Throws `ItemTooLargeError` before calling AWS when the item is over 400 KB.
   */
  async putIfAbsent(item: Item, options: PutIfAbsentOptions = {}): Promise<PutIfAbsentResult> {
    const fingerprint = options.fingerprint ?? contentFingerprint(item);
    const stored = { ...item, [this.#fingerprintAttribute]: fingerprint };
    assertItemFits(stored, this.#schema);
    const key = keyOf(item, this.#schema);
    // A clash whose item vanished before we could read it (deleted meanwhile) is worth one more put.
    for (let round = 0; round < 3; round++) {
      if (await this.#conditionalPut(stored, options.signal)) return 'created';
      const existing = await this.get(key, options);
      if (existing) {
        return sameStoredContent(existing, item, fingerprint, this.#fingerprintAttribute)
          ? 'duplicate'
          : 'conflict';
      }
    }
    return 'conflict';
  }

  async upsert(key: Item, attributes: Item, options: { signal?: AbortSignal } = {}): Promise<void> {
    assertItemFits({ ...attributes, ...key }, this.#schema);
    const keyNames = new Set(Object.keys(key));
    const entries = Object.entries(attributes).filter(([name, v]) => !keyNames.has(name) && v !== undefined);
    // With nothing to set, UpdateItem still creates a missing item and leaves an existing one alone.
    const input = {
      TableName: this.#schema.tableName,
      Key: key,
      ...(entries.length > 0 && {
        UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
      }),
    };
    const command = new UpdateCommand(input);
    await this.#send(() => this.#client().send(command, { abortSignal: options.signal }), options.signal);
  }

  async updateIf(
    key: Item,
    update: ConditionalUpdate,
    options: { signal?: AbortSignal } = {},
  ): Promise<UpdateIfResult> {
    const names = new ExpressionNames();
    const values: Item = {};
    const assign = (prefix: string) => (attribute: AttributeAt, i: number) => {
      values[`:${prefix}${i}`] = attribute.value;
      return `${names.path(attribute.path)} = :${prefix}${i}`;
    };
    // attribute_exists on the key: UpdateItem would otherwise create a missing item.
    const exists = `attribute_exists(${names.path([this.#schema.partitionKey])})`;
    const command = new UpdateCommand({
      TableName: this.#schema.tableName,
      Key: key,
      UpdateExpression: `SET ${update.set.map(assign('s')).join(', ')}`,
      ConditionExpression: [exists, ...update.when.map(assign('w'))].join(' AND '),
      ExpressionAttributeNames: names.bindings(),
      ExpressionAttributeValues: values,
    });
    try {
      await this.#send(() => this.#client().send(command, { abortSignal: options.signal }), options.signal);
      return 'updated';
    } catch (error) {
      const { name, message } = error as { name?: string; message?: string };
      if (name === 'ConditionalCheckFailedException') return 'condition-failed';
      if (name === 'ValidationException' && /document path/i.test(message ?? '')) {
        throw new AttributePathError(
          this.#schema.tableName,
          update.set.map((a) => a.path.join('.')),
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  async get(key: Item, options: { signal?: AbortSignal } = {}): Promise<Item | undefined> {
    const command = new GetCommand({ TableName: this.#schema.tableName, Key: key, ConsistentRead: true });
    const out = await this.#send(
      () => this.#client().send(command, { abortSignal: options.signal }),
      options.signal,
    );
    return out.Item;
  }

  /**
   * Writes items with BatchWriteItem, 25 per call. Items sharing a key collapse to the last one
   * (a batch may not name a key twice); oversize or keyless items are rejected in the report.
   * Throws `UnprocessedItemsError` listing what remains when retries run out.
   */
  async writeBatch(
    items: readonly Item[],
    options: { signal?: AbortSignal } = {},
  ): Promise<BatchWriteReport> {
    const plan = planBatchWrite(items, this.#schema);
    const remaining: Item[] = [];
    let lastError: unknown;
    for (const chunk of plan.chunks) {
      const left = await this.#writeChunk(chunk, options.signal);
      remaining.push(...left.items);
      lastError = left.error ?? lastError;
    }
    if (remaining.length > 0) {
      const attempts = this.#retry.maxAttempts ?? 8;
      throw new UnprocessedItemsError(this.#schema.tableName, remaining, attempts, { cause: lastError });
    }
    const written = plan.chunks.reduce((n, chunk) => n + chunk.length, 0);
    return { written, collapsed: plan.collapsed, rejected: plan.rejected };
  }

  /**
   * Writes one chunk, resending what DynamoDB leaves unprocessed; returns what is still left when
   * the retry budget runs out. Errors that are not worth retrying (validation) propagate.
   */
  async #writeChunk(
    chunk: Item[],
    signal: AbortSignal | undefined,
  ): Promise<{ items: Item[]; error?: unknown }> {
    let pending = chunk;
    const attempt = async () => {
      const requests = pending.map((item) => ({ PutRequest: { Item: item } }));
      const command = new BatchWriteCommand({ RequestItems: { [this.#schema.tableName]: requests } });
      const out = await this.#client().send(command, { abortSignal: signal });
      const unprocessed = out.UnprocessedItems?.[this.#schema.tableName] ?? [];
      pending = unprocessed.flatMap((request) => (request.PutRequest?.Item ? [request.PutRequest.Item] : []));
      if (pending.length > 0) throw new UnprocessedItemsError(this.#schema.tableName, pending, 1);
    };
    try {
      await retry(attempt, { ...this.#retry, signal, retryable: retryableWrite });
      return { items: [] };
    } catch (error) {
      if (error instanceof RetryExhaustedError) return { items: pending, error };
      throw error;
    }
  }

  /** Resolves true when written, false when the key already exists. */
  async #conditionalPut(item: Item, signal: AbortSignal | undefined): Promise<boolean> {
    // attribute_not_exists on the partition key is checked against the item with the full key,
    // so it also guards tables with a sort key.
    const command = new PutCommand({
      TableName: this.#schema.tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': this.#schema.partitionKey },
    });
    try {
      await this.#send(() => this.#client().send(command, { abortSignal: signal }), signal);
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  #send<T>(call: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    return retry(call, { ...this.#retry, signal });
  }
}

function retryableWrite(error: unknown): boolean {
  return error instanceof UnprocessedItemsError || isRetryableError(error);
}

/** Placeholders (`#n0`, `#n1`…) for attribute names, one per distinct name, as expressions need. */
class ExpressionNames {
  readonly #names = new Map<string, string>();

  path(path: readonly string[]): string {
    return path.map((name) => this.#placeholder(name)).join('.');
  }

  bindings(): Record<string, string> {
    return Object.fromEntries([...this.#names].map(([name, placeholder]) => [placeholder, name]));
  }

  #placeholder(name: string): string {
    let placeholder = this.#names.get(name);
    if (!placeholder) {
      placeholder = `#n${this.#names.size}`;
      this.#names.set(name, placeholder);
    }
    return placeholder;
  }
}
