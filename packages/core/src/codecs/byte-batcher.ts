/** Size of the chunks a byte batcher emits: few large writes instead of one per kept line. */
export const BYTE_BATCH_BYTES = 512 * 1024;

/**
 * Collects byte ranges into fixed-size chunks: a reader copies kept lines out of its input (runs
 * of consecutive kept lines in one copy), so no row ever becomes a string.
 *
 * With `reuse`, the chunks a {@link take} handed out are written over after the next `take`: for a
 * consumer done with each chunk before it asks for the next (a file written synchronously). Memory
 * then holds the chunks in hand, instead of every spent chunk until the garbage collector runs.
 */
export class ByteBatcher {
  reuse = false;
  #chunk: Buffer = Buffer.allocUnsafe(BYTE_BATCH_BYTES);
  #used = 0;
  #ready: Buffer[] = [];
  #lent: Buffer[] = []; // whole chunks handed out by the last take
  #spare: Buffer[] = [];
  // A plain Uint8Array over the last source: its subarray is several times cheaper than a Buffer's,
  // which builds a Buffer per call, and a reader copies hundreds of thousands of runs per file.
  #source: Uint8Array | undefined;
  #view: Uint8Array = new Uint8Array(0);

  /** Appends `source[start, end)`. */
  copy(source: Uint8Array, start: number, end: number): void {
    const view = source === this.#source ? this.#view : this.#viewOf(source);
    let from = start;
    while (from < end) {
      if (this.#used === this.#chunk.length) this.#rotate();
      const count = Math.min(end - from, this.#chunk.length - this.#used);
      this.#chunk.set(view.subarray(from, from + count), this.#used);
      this.#used += count;
      from += count;
    }
  }

  /** Appends a whole byte array. */
  write(bytes: Uint8Array): void {
    this.copy(bytes, 0, bytes.length);
  }

  /** The full chunks so far; with `final`, the last partial one too. */
  take(final = false): Buffer[] {
    if (final && this.#used > 0) this.#rotate();
    const ready = this.#ready;
    this.#ready = [];
    if (this.reuse) {
      this.#spare.push(...this.#lent);
      this.#lent = ready.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, BYTE_BATCH_BYTES));
    }
    return ready;
  }

  #viewOf(source: Uint8Array): Uint8Array {
    this.#source = source;
    this.#view = new Uint8Array(source.buffer, source.byteOffset, source.length);
    return this.#view;
  }

  #rotate(): void {
    this.#ready.push(this.#used === this.#chunk.length ? this.#chunk : this.#chunk.subarray(0, this.#used));
    this.#chunk = this.#spare.pop() ?? Buffer.allocUnsafe(BYTE_BATCH_BYTES);
    this.#used = 0;
  }
}
