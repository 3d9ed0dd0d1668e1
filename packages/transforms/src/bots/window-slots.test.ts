import { describe, expect, it } from 'vitest';
import { WindowSlots } from './window-slots.js';

describe('WindowSlots', () => {
  it('gives every key one slot, in order of first arrival, past many growths and after clear', () => {
    const slots = new WindowSlots();
    // Ids 2^32 apart share their low bits; strings and numbers interleave.
    const keys = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? `u${i}` : (i % 7) * 2 ** 32 + i));
    for (let round = 0; round < 2; round++) {
      expect(keys.map((key) => slots.slotOf(key))).toEqual(keys.map((_, i) => i));
      expect([...keys].reverse().map((key) => slots.slotOf(key))).toEqual(keys.map((_, i) => 499 - i));
      expect(slots.keys).toEqual(keys);
      slots.clear();
      expect(slots.size).toBe(0);
    }
  });
});
