/** One stored item: attribute name → value (strings, numbers, booleans, lists, maps, bytes). */
export type Item = Record<string, unknown>;

/** What an idempotent put found: a new item, a redelivery of the same content, or a clash. */
export type PutIfAbsentResult = 'created' | 'duplicate' | 'conflict';

export interface PutIfAbsentOptions {
  /** Precomputed content fingerprint; default: SHA-256 of the item's canonical JSON. */
  fingerprint?: string;
  signal?: AbortSignal;
}

/** An item `writeBatch` did not send, with the reason. */
export interface RejectedItem {
  item: Item;
  reason: 'item-too-large' | 'key-too-large' | 'missing-key';
  message: string;
}

/** The account of one `writeBatch`: `written + collapsed + rejected.length` = items given. */
export interface BatchWriteReport {
  written: number;
  /** Earlier items replaced by a later item with the same key in the same batch (last wins). */
  collapsed: number;
  rejected: RejectedItem[];
}

/** An attribute, or a path into map attributes (`['Notification', 'status']`), and a value. */
export interface AttributeAt {
  path: readonly [string, ...string[]];
  value: unknown;
}

/** What {@link KeyValueSink.updateIf} sets, and the values the stored item must hold for it to. */
export interface ConditionalUpdate {
  /** Every path must hold exactly this value; a missing item or attribute fails the condition. */
  when: readonly AttributeAt[];
  /** Set when the condition holds. A path into a map needs the map to exist. */
  set: readonly AttributeAt[];
}

/** `condition-failed`: the item is missing or holds other values, and nothing changed. */
export type UpdateIfResult = 'updated' | 'condition-failed';

/**
 * The key-value writes the pipelines make: an idempotent put (transactions), a conditional update
 * (an outbox marking its notification delivered), an upsert keyed by (key, windowStart) (bot
 * detections), and bulk writes. Implemented by `DynamoDbSink` and `MemoryKeyValueSink`.
 *
 * @example
 * async function store(sink: KeyValueSink, tx: Transaction) {
 *   if ((await sink.putIfAbsent(tx)) === 'conflict') quarantine(tx, 'conflict');
 * }
 */
export interface KeyValueSink {
  putIfAbsent(item: Item, options?: PutIfAbsentOptions): Promise<PutIfAbsentResult>;
  /** Sets `attributes` on the item with `key`, creating it if needed; repeating it changes nothing. */
  upsert(key: Item, attributes: Item, options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Sets `update.set` on the stored item with `key` only while it holds every `update.when` value,
   * atomically (DynamoDB's conditional `UpdateItem`); never creates an item. Of two concurrent
   * updates expecting the same values, one is `updated` and the other `condition-failed`.
   */
  updateIf(key: Item, update: ConditionalUpdate, options?: { signal?: AbortSignal }): Promise<UpdateIfResult>;
  writeBatch(items: readonly Item[], options?: { signal?: AbortSignal }): Promise<BatchWriteReport>;
  get(key: Item, options?: { signal?: AbortSignal }): Promise<Item | undefined>;
}
