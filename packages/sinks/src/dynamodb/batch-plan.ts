import { ItemTooLargeError, KeyTooLargeError, MissingKeyAttributeError } from './errors.js';
import {
  dynamoItemSize,
  dynamoItemSizeAtMost,
  keyValueSize,
  MAX_ITEM_BYTES,
  MAX_KEY_BYTES,
} from './item-size.js';
import type { Item, RejectedItem } from './key-value-sink.js';

/** The table's key attributes. */
export interface KeySchema {
  tableName: string;
  partitionKey: string;
  sortKey?: string;
}

/** BatchWriteItem takes at most 25 requests per call. */
export const BATCH_WRITE_LIMIT = 25;

export interface BatchWritePlan {
  chunks: Item[][];
  collapsed: number;
  rejected: RejectedItem[];
}

/** The key part of an item; throws {@link MissingKeyAttributeError} if a key attribute is absent. */
export function keyOf(item: Item, schema: KeySchema): Item {
  const key: Item = { [schema.partitionKey]: requireAttribute(item, schema.partitionKey, schema) };
  if (schema.sortKey) key[schema.sortKey] = requireAttribute(item, schema.sortKey, schema);
  return key;
}

/**
 * Throws {@link KeyTooLargeError} when a key value is over DynamoDB's key limit, and
 * {@link ItemTooLargeError} when the item is over its item size limit.
 */
export function assertItemFits(item: Item, schema: KeySchema): void {
  assertKeyFits(item, schema.partitionKey, MAX_KEY_BYTES.partition, schema);
  if (schema.sortKey) assertKeyFits(item, schema.sortKey, MAX_KEY_BYTES.sort, schema);
  // Most items are far under the limit: a count that encodes nothing shows it.
  if (dynamoItemSizeAtMost(item) <= MAX_ITEM_BYTES) return;
  const size = dynamoItemSize(item);
  if (size > MAX_ITEM_BYTES)
    throw new ItemTooLargeError(schema.tableName, keyOf(item, schema), size, MAX_ITEM_BYTES);
}

function assertKeyFits(item: Item, attribute: string, limit: number, schema: KeySchema): void {
  const size = keyValueSize(item[attribute]);
  if (size > limit) throw new KeyTooLargeError(schema.tableName, attribute, size, limit);
}

/**
 * Splits items into BatchWriteItem calls. A batch may not name the same key twice (DynamoDB
 * rejects the whole call), so a later item with the same key replaces the earlier one, as
 * sequential puts would; items that cannot be written are rejected with a reason instead.
 */
export function planBatchWrite(items: readonly Item[], schema: KeySchema): BatchWritePlan {
  const byKey = new Map<string, Item>();
  const rejected: RejectedItem[] = [];
  for (const item of items) {
    const problem = checkItem(item, schema);
    if (problem) rejected.push(problem);
    else byKey.set(JSON.stringify(keyOf(item, schema)), item);
  }
  const unique = [...byKey.values()];
  const chunks: Item[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_WRITE_LIMIT)
    chunks.push(unique.slice(i, i + BATCH_WRITE_LIMIT));
  return { chunks, collapsed: items.length - rejected.length - unique.length, rejected };
}

function checkItem(item: Item, schema: KeySchema): RejectedItem | undefined {
  try {
    keyOf(item, schema);
    assertItemFits(item, schema);
    return undefined;
  } catch (error) {
    if (error instanceof ItemTooLargeError) return { item, reason: 'item-too-large', message: error.message };
    if (error instanceof KeyTooLargeError) return { item, reason: 'key-too-large', message: error.message };
    if (error instanceof MissingKeyAttributeError)
      return { item, reason: 'missing-key', message: error.message };
    throw error;
  }
}

function requireAttribute(item: Item, attribute: string, schema: KeySchema): unknown {
  const value = item[attribute];
  if (value === undefined || value === null || value === '') {
    throw new MissingKeyAttributeError(schema.tableName, attribute);
  }
  return value;
}
