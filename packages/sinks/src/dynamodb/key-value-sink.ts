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

/**
 * The key-value writes the pipelines make: an idempotent put (transactions), an upsert keyed by
 * (key, windowStart) (bot detections), and bulk writes. Implemented by `DynamoDbSink` and
 * `MemoryKeyValueSink`.
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
  writeBatch(items: readonly Item[], options?: { signal?: AbortSignal }): Promise<BatchWriteReport>;
  get(key: Item, options?: { signal?: AbortSignal }): Promise<Item | undefined>;
}
