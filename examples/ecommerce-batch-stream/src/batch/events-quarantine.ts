import { encodeJsonLines } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import { Channel } from '@sluice/core/pipeline';
import type { ObjectStore } from '@sluice/core/storage';

/**
 * One raw object's quarantine file, written while the object is read: rejections collected during
 * a chunk are handed to the writer after it (a bounded channel), then the rows the Parquet writer
 * refused. The file always exists once finished, empty when nothing was rejected, so a rerun
 * replaces an earlier run's entries.
 *
 * @example const quarantine = new EventsQuarantine(store, 'quarantine/batch/2019-Oct.jsonl');
 */
export class EventsQuarantine {
  readonly #channel = new Channel<Rejection>(1024);
  #pending: Rejection[] = [];
  #late: readonly Rejection[] = [];
  #count = 0;
  // Settled to its failure, not rejected, so a failed write is reported by `finish`, never unhandled.
  readonly #writing: Promise<{ error: unknown } | undefined>;

  constructor(store: ObjectStore, key: string) {
    this.#writing = store
      .put(key, encodeJsonLines(this.#entries()), { contentType: 'application/x-ndjson' })
      .then(
        () => undefined,
        (error: unknown) => {
          this.#channel.fail(error); // the reader's next hand-over stops instead of waiting
          return { error };
        },
      );
  }

  add(rejection: Rejection): void {
    this.#pending.push(rejection);
  }

  async handOver(): Promise<void> {
    for (const rejection of this.#pending.splice(0)) await this.#channel.push(rejection);
  }

  fail(error: unknown): void {
    this.#channel.fail(error);
  }

  /** Ends the file with `late` (the Parquet writer's rejections); resolves to the entries written. */
  async finish(late: readonly Rejection[]): Promise<number> {
    await this.handOver();
    this.#late = late;
    this.#channel.close();
    const failed = await this.#writing;
    if (failed) throw failed.error;
    return this.#count;
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
