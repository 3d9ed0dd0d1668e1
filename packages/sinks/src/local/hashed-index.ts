/**
 * String keys → numbers, in two typed arrays (a 32-bit hash and the number per slot, open
 * addressing): about 24 bytes a key where a `Map` of strings holds ~100 and gives the garbage
 * collector a million strings to trace. The keys themselves are not kept: the owner can tell the
 * key of a number (`keyAt`: an item's key from its record, a notification's id from its line), and
 * is asked only when a key's hash matches, which for a key not in the index is about once in 4
 * billion lookups per key held.
 *
 * @example
 * const index = new HashedIndex((line) => idOfLine(line));
 * index.set('inventory-3f0c…', 0);
 * index.has('inventory-3f0c…'); // true
 */
export class HashedIndex {
  #hashes = new Uint32Array(1024);
  // The number + 1 per slot: 0 marks an empty slot.
  #values = new Float64Array(1024);
  #size = 0;

  constructor(readonly keyAt: (value: number) => string) {}

  get size(): number {
    return this.#size;
  }

  has(key: string): boolean {
    return this.#slot(key, stringHash(key)) >= 0;
  }

  get(key: string): number | undefined {
    const slot = this.#slot(key, stringHash(key));
    return slot < 0 ? undefined : (this.#values[slot] as number) - 1;
  }

  /** Maps `key` to `value` (a number ≥ 0); returns the number it had, if any. */
  set(key: string, value: number): number | undefined {
    const hash = stringHash(key);
    const slot = this.#slot(key, hash);
    if (slot >= 0) {
      const previous = (this.#values[slot] as number) - 1;
      this.#values[slot] = value + 1;
      return previous;
    }
    this.#hashes[-slot - 1] = hash;
    this.#values[-slot - 1] = value + 1;
    if (++this.#size * 2 > this.#values.length) this.#grow();
    return undefined;
  }

  /** The slot holding `key`, or -(the empty slot where it would go) - 1. */
  #slot(key: string, hash: number): number {
    const mask = this.#values.length - 1;
    // At most half the slots are full, so an empty one comes before the probe wraps around.
    for (let probe = 0, i = hash & mask; probe <= mask; probe++, i = (i + 1) & mask) {
      const value = this.#values[i] as number;
      if (value === 0) return -i - 1;
      if (this.#hashes[i] === hash && this.keyAt(value - 1) === key) return i;
    }
    throw new Error('HashedIndex: no empty slot');
  }

  #grow(): void {
    const hashes = this.#hashes;
    const values = this.#values;
    this.#hashes = new Uint32Array(hashes.length * 2);
    this.#values = new Float64Array(values.length * 2);
    const mask = this.#values.length - 1;
    for (let from = 0; from < values.length; from++) {
      if (values[from] === 0) continue;
      const hash = hashes[from] as number;
      let i = hash & mask;
      while (this.#values[i] !== 0) i = (i + 1) & mask;
      this.#hashes[i] = hash;
      this.#values[i] = values[from] as number;
    }
  }
}

/**
 * FNV-1a over UTF-16 units, 32 bits: the hash {@link HashedIndex} keeps.
 *
 * @example stringHash('TX-1') // a number in [0, 2^32)
 */
export function stringHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
