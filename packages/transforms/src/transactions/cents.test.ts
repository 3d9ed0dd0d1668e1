import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, totalCents } from './cents.js';

describe('totalCents', () => {
  it.each([
    [3, 0.1, 30],
    [1, 0.3, 30],
    [3, 19.99, 5997],
    [1, 1.005, 101],
    [1, 0.125, 13],
    [1, 0.124, 12],
    [3, 0.333, 100],
    [1, 0.005, 1],
    [1, 0.0049, 0],
    [0, 12.5, 0],
    [-2, 0.125, -25],
    [1, 1e-7, 0],
    [7, 1e21, undefined],
    [100, 2.5, 25000],
  ])('%i × %d = %s cents', (quantity, price, cents) => {
    expect(totalCents(quantity, price)).toBe(cents);
  });

  it('agrees with integer arithmetic on prices that have whole cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 10_000_000 }), (q, c) => {
        expect(totalCents(q, c / 100)).toBe(q * c + 0); // + 0: -1 × 0 is -0
      }),
    );
  });
});

describe('formatCents', () => {
  it.each([
    [30, '0.30'],
    [5997, '59.97'],
    [-1234, '-12.34'],
    [0, '0.00'],
  ])('%i → %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
