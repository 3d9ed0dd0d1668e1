/** Size of the chunks a byte batcher emits: few large writes instead of one per kept line. */
export const BYTE_BATCH_BYTES = 512 * 1024;

/**
 * Collects byte ranges into fixed-size chunks: a reader copies kept lines out of its input (runs
 * of consecutive kept lines in one copy), so no row ever becomes a string.
 */
export class ByteBatcher {
  #chunk = Buffer.allocUnsafe(BYTE_BATCH_BYTES);
  #used = 0;
  #ready: Buffer[] = [];

  /** Appends `source[start, end)`. */
  copy(source: Uint8Array, start: number, end: number): void {
    let from = start;
    while (from < end) {
      if (this.#used === this.#chunk.length) this.#rotate();
      const count = Math.min(end - from, this.#chunk.length - this.#used);
      this.#chunk.set(source.subarray(from, from + count), this.#used);
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
    return ready;
  }

  #rotate(): void {
    this.#ready.push(this.#used === this.#chunk.length ? this.#chunk : this.#chunk.subarray(0, this.#used));
    this.#chunk = Buffer.allocUnsafe(BYTE_BATCH_BYTES);
    this.#used = 0;
  }
}
