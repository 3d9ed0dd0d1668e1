import { isDeepStrictEqual } from 'node:util';
import { assertItemFits, type KeySchema, keyOf, planBatchWrite } from '../dynamodb/batch-plan.js';
import { AttributePathError } from '../dynamodb/errors.js';
import { contentFingerprint, sameStoredContent } from '../dynamodb/fingerprint.js';
import type * as Port from '../dynamodb/key-value-sink.js';
import { copyValue, isMap, valueAt } from './stored-item.js';

/** Options of the local `KeyValueSink`s: the table's key, and where `putIfAbsent` keeps fingerprints. */
export type LocalTableOptions = KeySchema & { fingerprintAttribute?: string };

/**
 * DynamoDbSink's rules (key attributes required, 400 KB items, fingerprint comparison, conditional
 * writes, last item of a repeated key wins) over a local store of items by key; a backend says how
 * an item is kept (`load`, `save`). Each call completes before the next starts, so conditional writes
 * are as atomic as DynamoDB's.
 */
export abstract class LocalKeyValueSink implements Port.KeyValueSink {
  readonly #schema: KeySchema;
  readonly #fingerprintAttribute: string;

  constructor(options: LocalTableOptions) {
    this.#schema = options;
    this.#fingerprintAttribute = options.fingerprintAttribute ?? 'fingerprint';
  }

  /** The item stored under `id`, or undefined: to read, never to change (it may be the stored object). */
  protected abstract peek(id: string): Port.Item | undefined;

  /** Stores `item` under `id`; nothing else holds `item` or its values, so it may be kept as it is. */
  protected abstract keep(id: string, item: Port.Item): void;

  /** Every stored item once, each a fresh copy, read one at a time. */
  abstract scan(): IterableIterator<Port.Item>;

  async putIfAbsent(item: Port.Item, options: Port.PutIfAbsentOptions = {}): Promise<Port.PutIfAbsentResult> {
    const fingerprint = options.fingerprint ?? contentFingerprint(item);
    const attribute = this.#fingerprintAttribute;
    const stored = item[attribute] === fingerprint ? item : { ...item, [attribute]: fingerprint };
    assertItemFits(stored, this.#schema);
    const id = this.idOf(item);
    const existing = this.peek(id);
    if (existing) {
      return sameStoredContent(existing, item, fingerprint, this.#fingerprintAttribute)
        ? 'duplicate'
        : 'conflict';
    }
    this.keep(id, copyValue(stored));
    return 'created';
  }

  async upsert(key: Port.Item, attributes: Port.Item): Promise<void> {
    const defined = Object.entries(attributes).filter(([, value]) => value !== undefined);
    const merged = { ...this.peek(this.idOf(key)), ...Object.fromEntries(defined), ...key };
    assertItemFits(merged, this.#schema);
    this.keep(this.idOf(merged), copyValue(merged));
  }

  async updateIf(key: Port.Item, update: Port.ConditionalUpdate): Promise<Port.UpdateIfResult> {
    const id = this.idOf(key);
    const stored = this.peek(id);
    const holds = ({ path, value }: Port.AttributeAt) => stored && sameValue(valueAt(stored, path), value);
    if (!stored || !update.when.every(holds)) return 'condition-failed';
    // The stored item is shared: copy the maps along each path, not the whole item.
    const updated = { ...stored };
    for (const { path, value } of update.set) {
      const parent = mapCopiedAlong(updated, path.slice(0, -1));
      if (!parent) {
        throw new AttributePathError(
          this.#schema.tableName,
          update.set.map((a) => a.path.join('.')),
        );
      }
      parent[path[path.length - 1] as string] = copyValue(value);
    }
    assertItemFits(updated, this.#schema);
    this.keep(id, updated);
    return 'updated';
  }

  async writeBatch(items: readonly Port.Item[]): Promise<Port.BatchWriteReport> {
    const plan = planBatchWrite(items, this.#schema);
    const written = plan.chunks.flat();
    for (const item of written) this.keep(this.idOf(item), copyValue(item));
    return { written: written.length, collapsed: plan.collapsed, rejected: plan.rejected };
  }

  async get(key: Port.Item): Promise<Port.Item | undefined> {
    return copyValue(this.peek(this.idOf(key)));
  }

  /** The key as one string: a lone string partition key as it is (not `{…}`), else its JSON. */
  protected idOf(item: Port.Item): string {
    const { partitionKey, sortKey } = this.#schema;
    const value = item[partitionKey];
    if (sortKey === undefined && typeof value === 'string' && value !== '' && value[0] !== '{') return value;
    return JSON.stringify(keyOf(item, this.#schema));
  }
}

/** The map at `path` inside `item`, each map on the way replaced by a shallow copy; undefined off the maps. */
function mapCopiedAlong(item: Port.Item, path: readonly string[]): Port.Item | undefined {
  let map = item;
  for (const name of path) {
    const inner = map[name];
    if (!isMap(inner)) return undefined;
    map[name] = { ...inner };
    map = map[name] as Port.Item;
  }
  return map;
}

/** Deep strict equality; a primitive (the common condition: an id, a status) compared at once. */
function sameValue(stored: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null) return Object.is(stored, expected);
  return isDeepStrictEqual(stored, expected);
}
