import type { ObjectInfo, ObjectStore } from '../storage/object-store.js';

/** Where a pipeline writes: one call per chunk, awaited before the next chunk is read. */
export interface Sink<T> {
  write(batch: readonly T[]): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A sink that keeps everything in memory, for tests and small runs.
 *
 * @example
 * const kept = collectSink<Order>();
 * await pipeline(source).run({ sink: kept, quarantine: collectSink() });
 * kept.items; // Order[]
 */
export function collectSink<T>(): Sink<T> & { items: T[] } {
  const items: T[] = [];
  return {
    items,
    async write(batch) {
      items.push(...batch);
    },
  };
}

/**
 * A sink that streams encoded batches into one object of an ObjectStore. The object appears
 * (atomically) when the sink is closed; until then the encoded bytes flow straight into `put`,
 * one batch at a time, so memory stays bounded.
 *
 * @example
 * const quarantine = objectSink(store, 'quarantine/orders.jsonl', (rows) => rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
 */
export function objectSink<T>(
  store: ObjectStore,
  key: string,
  encode: (batch: readonly T[]) => string | Uint8Array,
  options: { header?: string | Uint8Array; contentType?: string } = {},
): Sink<T> & { done: Promise<ObjectInfo> } {
  const channel = new ByteChannel();
  if (options.header !== undefined) void channel.push(toBytes(options.header));
  const done = store.put(key, channel, options.contentType ? { contentType: options.contentType } : {});
  done.catch(() => channel.fail());
  return {
    done,
    async write(batch) {
      await channel.push(toBytes(encode(batch)));
    },
    async close() {
      channel.end();
      await done;
    },
  };
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/**
 * A one-slot async channel: `push` resolves once the consumer has taken the chunk, which is
 * what gives the writer backpressure.
 */
class ByteChannel implements AsyncIterable<Uint8Array> {
  #pending: { chunk: Uint8Array; taken: () => void }[] = [];
  #waiting: (() => void) | undefined;
  #ended = false;
  #failed = false;

  push(chunk: Uint8Array): Promise<void> {
    if (this.#failed) return Promise.reject(new Error('the object write failed; see the put error'));
    return new Promise((taken) => {
      this.#pending.push({ chunk, taken });
      this.#wake();
    });
  }

  end(): void {
    this.#ended = true;
    this.#wake();
  }

  fail(): void {
    this.#failed = true;
    for (const entry of this.#pending.splice(0)) entry.taken();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    while (true) {
      const next = this.#pending.shift();
      if (next) {
        next.taken();
        yield next.chunk;
      } else if (this.#ended) return;
      else await new Promise<void>((resolve) => (this.#waiting = resolve));
    }
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }
}
