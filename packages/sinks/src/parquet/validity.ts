/** An Arrow validity bitmap (bit set = value present) that counts its nulls. */
export class Validity {
  #bits: Uint8Array;
  #nulls = 0;

  constructor(capacity: number) {
    this.#bits = new Uint8Array(Math.ceil(capacity / 8));
  }

  get nullCount(): number {
    return this.#nulls;
  }

  set(index: number, present: boolean): void {
    const byte = index >> 3;
    if (byte >= this.#bits.length) this.#grow(byte + 1);
    const mask = 1 << (index & 7);
    if (present) this.#bits[byte]! |= mask;
    else {
      this.#bits[byte]! &= ~mask;
      this.#nulls++;
    }
  }

  /** Forgets entries `start..end-1` (later `set` calls overwrite their bits). */
  forget(start: number, end: number): void {
    for (let i = start; i < end; i++) if (!this.isSet(i)) this.#nulls--;
  }

  isSet(index: number): boolean {
    return ((this.#bits[index >> 3] ?? 0) & (1 << (index & 7))) !== 0;
  }

  /** The bitmap of the first `length` entries, or undefined when there is no null (Arrow allows that). */
  take(length: number): Uint8Array | undefined {
    const bitmap = this.#nulls === 0 ? undefined : this.#bits.slice(0, Math.ceil(length / 8));
    this.#bits.fill(0);
    this.#nulls = 0;
    return bitmap;
  }

  #grow(bytes: number): void {
    const bigger = new Uint8Array(Math.max(bytes, this.#bits.length * 2));
    bigger.set(this.#bits);
    this.#bits = bigger;
  }
}
