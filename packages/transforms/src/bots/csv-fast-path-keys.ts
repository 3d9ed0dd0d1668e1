const SLOTS = 1 << 17;
/** Distinct keys held before the table starts over: memory stays bounded whatever the input. */
const MOST_KEYS = SLOTS >> 1;
const ARENA_BYTES = 4 << 20;

/**
 * Turns key bytes into strings, making each string once per distinct key: an open-addressing table
 * hashed on the bytes, whose keys' bytes sit in one arena for comparison. Repeated keys thus cost no
 * allocation and reach the window counter's maps as the same string, whose hash V8 has already
 * computed. Only ASCII keys are taken: their bytes are their text whatever the file's encoding.
 */
export class KeyInterner {
  readonly #keys: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  readonly #hashes = new Int32Array(SLOTS);
  /** Where each slot's key bytes start in the arena; the length is the string's. */
  readonly #offsets = new Int32Array(SLOTS);
  readonly #arena = new Uint8Array(ARENA_BYTES);
  #used = 0;
  #size = 0;

  /** The key `bytes[start, end)` as a string; undefined when it holds a non-ASCII byte. */
  intern(bytes: Buffer, start: number, end: number): string | undefined {
    let hash = 0x811c9dc5;
    let high = 0;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      high |= byte;
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    if (high >= 0x80) return undefined;
    const length = end - start;
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const key = this.#keys[slot];
      if (key === undefined) return this.#add(slot, hash, bytes, start, end);
      if (this.#hashes[slot] === hash && key.length === length && this.#equals(slot, bytes, start, end)) {
        return key;
      }
    }
  }

  #equals(slot: number, bytes: Buffer, start: number, end: number): boolean {
    const arena = this.#arena;
    for (let i = start, at = this.#offsets[slot] as number; i < end; i++, at++) {
      if (arena[at] !== bytes[i]) return false;
    }
    return true;
  }

  #add(found: number, hash: number, bytes: Buffer, start: number, end: number): string {
    const key = bytes.toString('latin1', start, end);
    if (key.length > ARENA_BYTES) return key; // too long to keep: made again next time
    let slot = found;
    if (this.#size === MOST_KEYS || this.#used + key.length > ARENA_BYTES) {
      this.#keys.fill(undefined);
      this.#size = 0;
      this.#used = 0;
      slot = hash & (SLOTS - 1);
    }
    this.#arena.set(bytes.subarray(start, end), this.#used);
    this.#keys[slot] = key;
    this.#hashes[slot] = hash;
    this.#offsets[slot] = this.#used;
    this.#used += key.length;
    this.#size++;
    return key;
  }
}
