/**
 * A bounded hand-over between a producer and a consumer that run at the same time: `push` waits
 * while `capacity` items are waiting, so a fast producer cannot fill memory. `fail` ends both
 * sides with an error, so a failed consumer never leaves its producer waiting forever.
 *
 * @example
 * const rows = new Channel<Row>(2);
 * const writing = writeParquetColumns(store, key, rows, options).catch((error) => rows.fail(error));
 * for (const batch of batches) await rows.push(batch);
 * rows.close();
 * await writing;
 */
export class Channel<T> implements AsyncIterable<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  #closed = false;
  #error: unknown;
  #failed = false;
  #wakeConsumer: (() => void) | undefined;
  #wakeProducer: (() => void) | undefined;

  constructor(capacity = 1) {
    this.#capacity = Math.max(1, capacity);
  }

  /** Hands over one item; waits while the channel is full. Throws once the channel failed. */
  async push(item: T): Promise<void> {
    while (this.#items.length >= this.#capacity && !this.#failed) {
      await new Promise<void>((resolve) => {
        this.#wakeProducer = resolve;
      });
    }
    if (this.#failed) throw this.#error;
    this.#items.push(item);
    this.#wake('consumer');
  }

  /** No more items: the consumer ends once it has taken the waiting ones. */
  close(): void {
    this.#closed = true;
    this.#wake('consumer');
  }

  /** Ends both sides: a waiting `push` and the consumer's next read throw `error`. */
  fail(error: unknown): void {
    this.#failed = true;
    this.#error = error;
    this.#wake('consumer');
    this.#wake('producer');
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.#failed) throw this.#error;
      if (this.#items.length > 0) {
        const item = this.#items.shift() as T;
        this.#wake('producer');
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wakeConsumer = resolve;
      });
    }
  }

  #wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.#wakeConsumer : this.#wakeProducer;
    if (side === 'consumer') this.#wakeConsumer = undefined;
    else this.#wakeProducer = undefined;
    wake?.();
  }
}
