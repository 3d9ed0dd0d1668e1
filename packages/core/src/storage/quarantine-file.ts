import { encodeJsonLines } from '../codecs/json-lines.js';
import type { Rejection } from '../outcome/outcome.js';
import { Channel } from '../pipeline/channel.js';
import type { ObjectStore } from './object-store.js';

/**
 * A quarantine object written while its source is read: a reader's synchronous `onRejected` calls
 * {@link add}, and after each chunk {@link handOver} passes what was collected to the writer through a
 * bounded channel, so rejections never pile up in memory. {@link finish} appends late entries (e.g.
 * the rows a Parquet writer could not type) and resolves to the number written. The object is
 * written from the first hand-over on, and always exists once finished (empty when nothing was
 * rejected), so a rerun replaces an earlier run's entries.
 *
 * @example
 * const quarantine = new QuarantineFile(store, 'quarantine/orders.jsonl');
 * await scan.drain(rules, { onRejected: (r) => quarantine.add(r), afterChunk: () => quarantine.handOver() });
 * await quarantine.finish([]);
 */
export class QuarantineFile {
  readonly #store: ObjectStore;
  readonly #key: string;
  readonly #channel = new Channel<Rejection>(1024);
  #pending: Rejection[] = [];
  #late: readonly Rejection[] = [];
  #count = 0;
  // Settled to its failure, not rejected, so a failed write is reported by `finish`, never unhandled.
  #writing: Promise<{ error: unknown } | undefined> | undefined;

  constructor(store: ObjectStore, key: string) {
    this.#store = store;
    this.#key = key;
  }

  add(rejection: Rejection): void {
    this.#pending.push(rejection);
  }

  /** Passes the rejections added since the last hand-over to the writer, waiting while it is behind. */
  async handOver(): Promise<void> {
    this.#writing ??= this.#write();
    for (const rejection of this.#pending.splice(0)) await this.#channel.push(rejection);
  }

  /** Ends the writer with `error` (a failed reader or sibling writer), so no hand-over waits forever. */
  fail(error: unknown): void {
    this.#channel.fail(error);
  }

  /** Ends the object with `late`; resolves to the entries written, or throws the write's failure. */
  async finish(late: readonly Rejection[]): Promise<number> {
    await this.handOver();
    this.#late = late;
    this.#channel.close();
    const failed = await this.#writing;
    if (failed) throw failed.error;
    return this.#count;
  }

  #write(): Promise<{ error: unknown } | undefined> {
    const body = encodeJsonLines(this.#entries());
    return this.#store.put(this.#key, body, { contentType: 'application/x-ndjson' }).then(
      () => undefined,
      (error: unknown) => {
        this.#channel.fail(error); // the reader's next hand-over stops instead of waiting
        return { error };
      },
    );
  }

  async *#entries(): AsyncGenerator<Rejection> {
    for await (const rejection of this.#channel) {
      this.#count++;
      yield rejection;
    }
    for (const rejection of this.#late) {
      this.#count++;
      yield rejection;
    }
  }
}
