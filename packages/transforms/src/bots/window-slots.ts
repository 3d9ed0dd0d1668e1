import type { CounterKey } from './counter-key.js';

/**
 * The keys of one window, each with a slot given in order of first arrival (the emission order).
 * Numeric keys sit in an open-addressing table of slot numbers: most events bring a key new to
 * their window, and inserting there costs no Map entry and no rehash of a growing Map. String keys
 * use a Map. Memory grows with the window's keys.
 */
export class WindowSlots {
  /** Key by slot. */
  readonly keys: CounterKey[] = [];
  /** Slot + 1 by cell, 0 for an empty cell; at most half full. */
  #table = new Int32Array(64);
  #strings: Map<string, number> | undefined;

  get size(): number {
    return this.keys.length;
  }

  /** Forgets every key, keeping the memory for the next window. */
  clear(): void {
    this.keys.length = 0;
    this.#table.fill(0);
    this.#strings = undefined;
  }

  /** The slot of `key`; a new key gets the next one. */
  slotOf(key: CounterKey): number {
    if (typeof key === 'string') return this.#stringSlot(key);
    const table = this.#table;
    const mask = table.length - 1;
    let cell = spread(key) & mask;
    for (let held = table[cell] as number; held !== 0; held = table[cell] as number) {
      if (this.keys[held - 1] === key) return held - 1;
      cell = (cell + 1) & mask;
    }
    const slot = this.keys.push(key) - 1;
    table[cell] = slot + 1;
    if (this.keys.length * 2 > table.length) this.#grow();
    return slot;
  }

  #stringSlot(key: string): number {
    this.#strings ??= new Map();
    let slot = this.#strings.get(key);
    if (slot === undefined) {
      slot = this.keys.push(key) - 1;
      this.#strings.set(key, slot);
    }
    return slot;
  }

  #grow(): void {
    const table = new Int32Array(this.#table.length * 2);
    const mask = table.length - 1;
    this.keys.forEach((key, slot) => {
      if (typeof key === 'string') return;
      let cell = spread(key) & mask;
      while (table[cell] !== 0) cell = (cell + 1) & mask;
      table[cell] = slot + 1;
    });
    this.#table = table;
  }
}

/** Hash bits of a numeric key (an integer below 10^15): both 32-bit halves, mixed. */
function spread(key: number): number {
  const hash = Math.imul((key | 0) ^ ((key / 0x1_0000_0000) | 0), 0x9e37_79b1);
  return hash ^ (hash >>> 16);
}
