import { assertItemFits, type KeySchema, keyOf, planBatchWrite } from '../dynamodb/batch-plan.js';
import { contentFingerprint, sameStoredContent } from '../dynamodb/fingerprint.js';
import type {
  BatchWriteReport,
  Item,
  KeyValueSink,
  PutIfAbsentOptions,
  PutIfAbsentResult,
} from '../dynamodb/key-value-sink.js';

/**
 * A `KeyValueSink` in memory with DynamoDbSink's rules (key attributes required, 400 KB items,
 * fingerprint comparison, last item of a repeated key wins), for unit tests of pipelines.
 *
 * @example
 * const sink = new MemoryKeyValueSink({ tableName: 'transactions', partitionKey: 'TransactionID' });
 * await sink.putIfAbsent({ TransactionID: 't-1' }); // 'created'
 */
export class MemoryKeyValueSink implements KeyValueSink {
  readonly #items = new Map<string, Item>();
  readonly #schema: KeySchema;
  readonly #fingerprintAttribute: string;

  constructor(options: KeySchema & { fingerprintAttribute?: string }) {
    this.#schema = options;
    this.#fingerprintAttribute = options.fingerprintAttribute ?? 'fingerprint';
  }

  /** Every stored item, in insertion order. */
  get items(): Item[] {
    return [...this.#items.values()].map((item) => structuredClone(item));
  }

  async putIfAbsent(item: Item, options: PutIfAbsentOptions = {}): Promise<PutIfAbsentResult> {
    const fingerprint = options.fingerprint ?? contentFingerprint(item);
    const stored = { ...item, [this.#fingerprintAttribute]: fingerprint };
    assertItemFits(stored, this.#schema);
    const existing = this.#items.get(this.#id(item));
    if (existing) {
      return sameStoredContent(existing, item, fingerprint, this.#fingerprintAttribute)
        ? 'duplicate'
        : 'conflict';
    }
    this.#store(stored);
    return 'created';
  }

  async upsert(key: Item, attributes: Item): Promise<void> {
    const defined = Object.entries(attributes).filter(([, value]) => value !== undefined);
    const merged = { ...this.#items.get(this.#id(key)), ...Object.fromEntries(defined), ...key };
    assertItemFits(merged, this.#schema);
    this.#store(merged);
  }

  async writeBatch(items: readonly Item[]): Promise<BatchWriteReport> {
    const plan = planBatchWrite(items, this.#schema);
    for (const item of plan.chunks.flat()) this.#store(item);
    return { written: plan.chunks.flat().length, collapsed: plan.collapsed, rejected: plan.rejected };
  }

  async get(key: Item): Promise<Item | undefined> {
    const item = this.#items.get(this.#id(key));
    return item && structuredClone(item);
  }

  #store(item: Item): void {
    this.#items.set(this.#id(item), structuredClone(item));
  }

  #id(item: Item): string {
    return JSON.stringify(keyOf(item, this.#schema));
  }
}
