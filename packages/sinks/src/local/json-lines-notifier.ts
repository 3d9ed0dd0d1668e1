import { closeSync, fdatasync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { DeliveryReport } from '../notify/delivery.js';
import type { Notification, Notifier } from '../notify/notifier.js';
import { type AcceptedNotification, acceptAsSns } from '../notify/sns-acceptance.js';
import { HashedIndex } from './hashed-index.js';

const datasync = promisify(fdatasync);
const BLOCK = 64 * 1024;

/** Options of {@link JsonLinesNotifier}. */
export interface JsonLinesNotifierOptions {
  /**
   * `true` (default): a publish returns once its lines are synced to disk, so they survive a kill
   * and a power cut. `false`: lines are written in blocks of 64 KiB and at `close()`, so a kill
   * loses the last block; for runs whose other state (the table) is in memory anyway, where a sync
   * per publish (~2 ms) buys nothing.
   */
  durable?: boolean;
}

/**
 * The local stand-in for SNS: appends each publish call's notifications as JSON lines to a file in
 * one write and one sync, so a later run (or a person) can see what was sent. The file stays open
 * between publishes: {@link JsonLinesNotifier.close} releases it. Notifications SNS would refuse
 * (empty, over 256 KiB, bad attributes) are rejected the same way, and subjects repaired the same way.
 * Like a FIFO topic it drops a notification whose `id` is already in the file, across runs too: it
 * reads back what it wrote, and a last line cut short by a crash counts as never sent. It holds the
 * ids as a hash and a line offset each (a repeat is confirmed by reading its line), ~24 bytes an id.
 *
 * @example
 * const notifier = new JsonLinesNotifier('out/notifications.jsonl');
 * await notifier.publish([{ subject: 'Large order', message: '{"id":"TX-1"}', id: 'TX-1-large-order' }]);
 * (await notifier.sent()).length; // every notification of every run so far, each id once
 */
export class JsonLinesNotifier implements Notifier {
  // Each sent id → the byte offset of its line: the ids themselves stay in the file.
  #ids: HashedIndex | undefined;
  /** Bytes in the file once the block is written: the offset of the next line. */
  #bytes = 0;
  #written = 0;
  // Publishes run one after another, so two calls cannot both find an id unsent.
  #queue: Promise<unknown> = Promise.resolve();
  #queued = 0;
  #fd: number | undefined;
  readonly #durable: boolean;
  // Lines not yet written, as bytes: a line's text is garbage as soon as it is encoded.
  #block = Buffer.allocUnsafe(BLOCK);
  #used = 0;

  constructor(
    readonly path: string,
    options: JsonLinesNotifierOptions = {},
  ) {
    this.#durable = options.durable ?? true;
  }

  publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    // Ids read, nothing queued, no sync owed: the publish is done at once, still in order.
    const ids = this.#ids;
    if (ids && !this.#durable && this.#queued === 0) {
      try {
        return Promise.resolve(this.#store(notifications, ids));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    this.#queued++;
    const run = this.#queue.then(() => this.#publish(notifications));
    this.#queue = run.then(
      () => this.#queued--,
      () => this.#queued--,
    );
    return run;
  }

  async #publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const ids = await this.#sentIds();
    if (!this.#durable) return this.#store(notifications, ids);
    const { fresh, report } = acceptAsSns(notifications, ids);
    const offsets = this.#buffer(fresh);
    if (fresh.length > 0) {
      this.#write();
      await datasync(this.#open());
    }
    // Only once the lines are on disk: a failed append must not make a retry look like a repeat.
    this.#remember(fresh, offsets);
    return report;
  }

  /** Accepts and buffers (writing each full block); the ids count as sent at once (not durable). */
  #store(notifications: readonly Notification[], ids: HashedIndex): DeliveryReport<Notification> {
    const { fresh, report } = acceptAsSns(notifications, ids);
    const offsets = this.#buffer(fresh);
    this.#remember(fresh, offsets);
    return report;
  }

  /** Adds the lines to what is to be written; returns the byte offset of each. */
  #buffer(fresh: readonly AcceptedNotification[]): number[] {
    const offsets: number[] = [];
    for (const { notification, subject } of fresh) {
      const line = `${JSON.stringify(subject === notification.subject ? notification : { ...notification, subject })}\n`;
      offsets.push(this.#bytes);
      this.#bytes += this.#add(line);
    }
    return offsets;
  }

  #remember(fresh: readonly AcceptedNotification[], offsets: readonly number[]): void {
    const ids = this.#ids as HashedIndex;
    for (let i = 0; i < fresh.length; i++) {
      const { id } = (fresh[i] as AcceptedNotification).notification;
      if (id !== undefined) ids.set(id, offsets[i] as number);
    }
  }

  /** The id on the line at `offset` (written first if it is still in memory). */
  #idAt(offset: number): string {
    if (offset >= this.#written) this.#write();
    const fd = this.#open();
    let line = Buffer.alloc(0);
    for (let at = offset; line.indexOf(10) < 0; ) {
      const chunk = Buffer.allocUnsafe(4096);
      const read = readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) break;
      line = Buffer.concat([line, chunk.subarray(0, read)]);
      at += read;
    }
    const end = line.indexOf(10);
    return (JSON.parse(line.toString('utf8', 0, end < 0 ? line.length : end)) as Notification).id ?? '';
  }

  async #sentIds(): Promise<HashedIndex> {
    if (this.#ids) return this.#ids;
    const bytes = await readFile(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    const complete = bytes.lastIndexOf(10) + 1;
    // A process killed mid-append leaves a line without its newline: it was never sent, so cut it.
    if (complete < bytes.length) await truncate(this.path, complete);
    const ids = new HashedIndex((offset) => this.#idAt(offset));
    for (let start = 0; start < complete; ) {
      const end = bytes.indexOf(10, start);
      const { id } = JSON.parse(bytes.toString('utf8', start, end)) as Notification;
      if (id !== undefined) ids.set(id, start);
      start = end + 1;
    }
    this.#bytes = this.#written = complete;
    this.#ids = ids;
    return ids;
  }

  /** Every notification written to the file so far, oldest first. */
  async sent(): Promise<Notification[]> {
    await this.#queue;
    this.#write();
    const text = await this.#text();
    return parseLines(text.slice(0, text.lastIndexOf('\n') + 1));
  }

  #text(): Promise<string> {
    return readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
  }

  /** Encodes a line into the block, writing the block first when the line would not fit; its bytes. */
  #add(line: string): number {
    const length = Buffer.byteLength(line);
    if (this.#used + length > this.#block.length) this.#write();
    if (length > this.#block.length) this.#block = Buffer.allocUnsafe(length);
    this.#used += this.#block.write(line, this.#used);
    return length;
  }

  // A kill leaves at most the last line torn, which the next run cuts off.
  #write(): void {
    if (this.#used === 0) return;
    const fd = this.#open();
    for (let at = 0; at < this.#used; ) at += writeSync(fd, this.#block, at, this.#used - at);
    this.#written += this.#used;
    this.#used = 0;
  }

  #open(): number {
    if (this.#fd !== undefined) return this.#fd;
    mkdirSync(dirname(this.path), { recursive: true });
    this.#fd = openSync(this.path, 'a+');
    return this.#fd;
  }

  /** Releases the file after the publishes under way; a later publish opens it again. */
  async close(): Promise<void> {
    await this.#queue;
    this.#write();
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}

function parseLines(text: string): Notification[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Notification);
}
