/**
 * An Arrow validity bitmap (bit set = value present) that counts its nulls. Every bit starts set,
 * so a batch without nulls costs no bit writes at all.
 */
export class Validity {
  #bits: Uint8Array;
  #nulls = 0;
  /** Whether any bit has been cleared since the last `take`. */
  #cleared = false;

  constructor(capacity: number) {
    this.#bits = new Uint8Array(Math.ceil(capacity / 8)).fill(0xff);
  }

  get nullCount(): number {
    return this.#nulls;
  }

  set(index: number, present: boolean): void {
    if (present && !this.#cleared) return;
    const byte = index >> 3;
    if (byte >= this.#bits.length) this.#grow(byte + 1);
    const mask = 1 << (index & 7);
    if (present) this.#bits[byte]! |= mask;
    else {
      this.#bits[byte]! &= ~mask;
      this.#nulls++;
      this.#cleared = true;
    }
  }

  /** Forgets entries `start..end-1` (later `set` calls overwrite their bits). */
  forget(start: number, end: number): void {
    for (let i = start; i < end; i++) if (!this.isSet(i)) this.#nulls--;
  }

  isSet(index: number): boolean {
    const byte = this.#bits[index >> 3];
    return byte === undefined || (byte & (1 << (index & 7))) !== 0;
  }

  /** The bitmap of the first `length` entries, or undefined when there is no null (Arrow allows that). */
  take(length: number): Uint8Array | undefined {
    const bytes = Math.ceil(length / 8);
    if (this.#nulls > 0 && bytes > this.#bits.length) this.#grow(bytes);
    const bitmap = this.#nulls === 0 ? undefined : this.#bits.slice(0, bytes);
    if (this.#cleared) this.#bits.fill(0xff);
    this.#nulls = 0;
    this.#cleared = false;
    return bitmap;
  }

  #grow(bytes: number): void {
    const bigger = new Uint8Array(Math.max(bytes, this.#bits.length * 2)).fill(0xff);
    bigger.set(this.#bits);
    this.#bits = bigger;
  }
}
