import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../dynamodb/key-value-sink.js';
import { HashedIndex } from './hashed-index.js';
import { LocalKeyValueSink, type LocalTableOptions } from './local-key-value-sink.js';
import { copyValue, jsonExact } from './stored-item.js';

/** Options of {@link FileKeyValueSink}. */
export interface FileKeyValueSinkOptions extends LocalTableOptions {
  /** The table's file, made afresh. Default: a file in a fresh folder in the system's temporary folder. */
  path?: string;
  /**
   * Items last written kept as objects before they go to the file. Default 16: enough for a handler
   * that reads back what it just wrote, few enough to die young (more cost the garbage collector).
   */
  hotItems?: number;
}

const BLOCK = 1024 * 1024;

/**
 * A `KeyValueSink` with DynamoDbSink's rules (the same as `MemoryKeyValueSink`) that keeps its items
 * in a file, so a table of millions of items holds only its keys in memory. Items are appended to
 * the file as JSON, an in-memory index maps each key to its latest copy, and the last `hotItems`
 * items written stay objects (the outbox reads back the item it just stored). Items JSON cannot carry
 * exactly (binary, sets, bigints) stay in memory. The file lives until {@link FileKeyValueSink.close}:
 * a table for one local run, not a database.
 *
 * @example
 * const sink = new FileKeyValueSink({ tableName: 'transactions', partitionKey: 'TransactionID' });
 * await sink.putIfAbsent({ TransactionID: 't-1' }); // 'created'
 * for (const item of sink.scan()) console.log(item.TransactionID);
 * await sink.close();
 */
export class FileKeyValueSink extends LocalKeyValueSink {
  readonly #hot = new Map<string, Item>();
  // The hot keys, oldest first (a ring): a Map whose oldest keys keep being deleted is slow to walk.
  readonly #hotOrder: string[];
  #oldest = 0;
  readonly #file: ItemFile;
  /** Key → the number of its latest record in the file. */
  readonly #index = new HashedIndex((n) => this.idOf(this.#file.read(n)));
  /** Items JSON cannot carry exactly, by key: they stay objects (before the index when both hold a key). */
  readonly #kept = new Map<string, Item>();

  constructor(options: FileKeyValueSinkOptions) {
    super(options);
    this.#hotOrder = new Array<string>(Math.max(1, options.hotItems ?? 16));
    this.#file = new ItemFile(options.path);
  }

  protected peek(id: string): Item | undefined {
    const stored = this.#hot.get(id) ?? this.#kept.get(id);
    if (stored) return stored;
    const n = this.#index.get(id);
    return n === undefined ? undefined : this.#file.read(n);
  }

  protected keep(id: string, item: Item): void {
    const isHot = this.#hot.has(id);
    this.#hot.set(id, item);
    if (isHot) return;
    if (this.#hot.size > this.#hotOrder.length) this.#cool();
    this.#hotOrder[(this.#oldest + this.#hot.size - 1) % this.#hotOrder.length] = id;
  }

  /**
   * Every stored item once, each a fresh copy, in no particular order (as DynamoDB's Scan): the
   * file is read front to back in blocks, skipping copies a later write replaced.
   *
   * @example for (const item of sink.scan()) counts[item.Status] = (counts[item.Status] ?? 0) + 1;
   */
  *scan(): IterableIterator<Item> {
    while (this.#hot.size > 0) this.#cool();
    this.#oldest = 0;
    for (const stored of this.#kept.values()) yield copyValue(stored);
    yield* this.#file.items();
  }

  /** Removes the file (and its folder, when the sink made it); the sink is not used afterwards. */
  async close(): Promise<void> {
    this.#hot.clear();
    this.#kept.clear();
    this.#file.remove();
  }

  /** Moves the item that became hot longest ago from the hot set to the file. */
  #cool(): void {
    const id = this.#hotOrder[this.#oldest] as string;
    this.#oldest = (this.#oldest + 1) % this.#hotOrder.length;
    const item = this.#hot.get(id) as Item;
    this.#hot.delete(id);
    if (!jsonExact(item)) {
      this.#kept.set(id, item);
      const previous = this.#index.get(id);
      if (previous !== undefined) this.#file.retire(previous);
      return;
    }
    this.#kept.delete(id);
    const previous = this.#index.set(id, this.#file.append(JSON.stringify(item)));
    if (previous !== undefined) this.#file.retire(previous);
  }
}

/** An append-only file of JSON records, numbered; a retired record is skipped by `items`. */
class ItemFile {
  #fd: number | undefined;
  readonly #path: string;
  readonly #ownDir: string | undefined;
  // Offsets, lengths and whether a later copy replaced it (1), by record number.
  #offsets = new Float64Array(1024);
  #lengths = new Uint32Array(1024);
  #retired = new Uint8Array(1024);
  #records = 0;
  #flushed = 0;
  #block = Buffer.allocUnsafe(BLOCK);
  #blockUsed = 0;

  constructor(path: string | undefined) {
    this.#ownDir = path === undefined ? mkdtempSync(join(tmpdir(), 'sluice-table-')) : undefined;
    this.#path = path ?? join(this.#ownDir as string, 'items.jsonl');
  }

  /** Appends a record; returns its number. */
  append(text: string): number {
    const length = Buffer.byteLength(text);
    if (this.#blockUsed + length > this.#block.length) this.#flush(length);
    const offset = this.#flushed + this.#blockUsed;
    this.#blockUsed += this.#block.write(text, this.#blockUsed);
    const n = this.#records++;
    if (n === this.#offsets.length) this.#grow();
    this.#offsets[n] = offset;
    this.#lengths[n] = length;
    return n;
  }

  retire(n: number): void {
    this.#retired[n] = 1;
  }

  read(n: number): Item {
    const offset = this.#offsets[n] as number;
    const length = this.#lengths[n] as number;
    if (offset >= this.#flushed) {
      const at = offset - this.#flushed;
      return JSON.parse(this.#block.toString('utf8', at, at + length)) as Item;
    }
    const bytes = Buffer.allocUnsafe(length);
    readFully(this.#open(), bytes, offset);
    return JSON.parse(bytes.toString('utf8')) as Item;
  }

  /** The records not retired, in file order, read in blocks. */
  *items(): IterableIterator<Item> {
    this.#flush(0);
    // One block read at a time, reused; a record longer than the block is read on its own.
    let block = Buffer.allocUnsafe(BLOCK);
    let blockStart = 0;
    let blockEnd = 0;
    for (let n = 0; n < this.#records; n++) {
      const offset = this.#offsets[n] as number;
      const length = this.#lengths[n] as number;
      if (this.#retired[n] === 1) continue;
      if (offset < blockStart || offset + length > blockEnd) {
        if (length > block.length) block = Buffer.allocUnsafe(length);
        const size = Math.max(length, Math.min(block.length, this.#flushed - offset));
        readFully(this.#open(), block.subarray(0, size), offset);
        blockStart = offset;
        blockEnd = offset + size;
      }
      const at = offset - blockStart;
      yield JSON.parse(block.toString('utf8', at, at + length)) as Item;
    }
  }

  remove(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#ownDir ?? this.#path, { recursive: true, force: true });
    this.#records = 0;
    this.#flushed = 0;
    this.#blockUsed = 0;
  }

  /** Writes the block to the file; makes the block at least `need` bytes for the next record. */
  #flush(need: number): void {
    const fd = this.#open();
    for (let at = 0; at < this.#blockUsed; ) at += writeSync(fd, this.#block, at, this.#blockUsed - at);
    this.#flushed += this.#blockUsed;
    this.#blockUsed = 0;
    if (need > this.#block.length) this.#block = Buffer.allocUnsafe(need);
  }

  #grow(): void {
    const offsets = new Float64Array(this.#offsets.length * 2);
    offsets.set(this.#offsets);
    const lengths = new Uint32Array(this.#lengths.length * 2);
    lengths.set(this.#lengths);
    const retired = new Uint8Array(this.#retired.length * 2);
    retired.set(this.#retired);
    this.#offsets = offsets;
    this.#lengths = lengths;
    this.#retired = retired;
  }

  #open(): number {
    this.#fd ??= openSync(this.#path, 'w+');
    return this.#fd;
  }
}

function readFully(fd: number, into: Buffer, position: number): void {
  for (let at = 0; at < into.length; ) {
    const read = readSync(fd, into, at, into.length - at, position + at);
    if (read === 0) throw new Error(`the table file ended at byte ${position + at}`);
    at += read;
  }
}
