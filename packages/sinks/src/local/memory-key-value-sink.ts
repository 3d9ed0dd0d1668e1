import type { Item } from '../dynamodb/key-value-sink.js';
import { LocalKeyValueSink } from './local-key-value-sink.js';
import { copyValue, jsonExact } from './stored-item.js';

/**
 * A `KeyValueSink` in memory with DynamoDbSink's rules (key attributes required, 400 KB items,
 * fingerprint comparison, conditional writes, last item of a repeated key wins), for unit tests and
 * local runs of pipelines at memory speed. Each call completes before the next starts, so
 * conditional writes are as atomic as DynamoDB's.
 *
 * @example
 * const sink = new MemoryKeyValueSink({ tableName: 'transactions', partitionKey: 'TransactionID' });
 * await sink.putIfAbsent({ TransactionID: 't-1' }); // 'created'
 */
export class MemoryKeyValueSink extends LocalKeyValueSink {
  // An item that JSON carries exactly is kept as its JSON text: half the memory of the object, and a
  // read parses a fresh copy. Others (binary, sets, maps, bigints) are kept as a deep copy.
  readonly #items = new Map<string, string | Item>();

  /** Every stored item, in insertion order. */
  get items(): Item[] {
    return [...this.scan()];
  }

  /**
   * Every stored item, in insertion order, copied one at a time as it is read: a Scan that does not
   * hold the table twice.
   *
   * @example for (const item of sink.scan()) counts[item.Status] = (counts[item.Status] ?? 0) + 1;
   */
  *scan(): IterableIterator<Item> {
    for (const stored of this.#items.values()) yield unpacked(stored);
  }

  protected peek(id: string): Item | undefined {
    const stored = this.#items.get(id);
    return stored === undefined ? undefined : unpacked(stored);
  }

  protected keep(id: string, item: Item): void {
    this.#items.set(id, jsonExact(item) ? JSON.stringify(item) : item);
  }
}

function unpacked(stored: string | Item): Item {
  return typeof stored === 'string' ? (JSON.parse(stored) as Item) : copyValue(stored);
}
