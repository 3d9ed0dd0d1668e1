import { describe, expect, it } from 'vitest';
import { Validity } from './validity.js';

describe('Validity bitmap', () => {
  it('has no bitmap while every value is present, and a full one once a null appears', () => {
    const validity = new Validity(4);
    for (let i = 0; i < 20; i++) validity.set(i, true);
    expect(validity.take(20)).toBeUndefined();
    for (let i = 0; i < 20; i++) validity.set(i, i !== 17);
    expect(validity.nullCount).toBe(1);
    expect([...(validity.take(20) ?? [])]).toEqual([0xff, 0xff, 0b11111101]);
  });

  it('forgets dropped entries, so a value written over a dropped null is present', () => {
    const validity = new Validity(8);
    validity.set(0, true);
    validity.set(1, false);
    validity.forget(1, 2);
    validity.set(1, true);
    expect(validity.nullCount).toBe(0);
    expect(validity.isSet(1)).toBe(true);
    expect(validity.take(2)).toBeUndefined();
    // After take the bitmap starts over with every bit set.
    validity.set(0, true);
    expect(validity.isSet(1)).toBe(true);
  });
});
