import { describe, expect, it } from 'vitest';
import { toEpochDay, toEpochMillis, toInt32, toInt64, toUnscaledDecimal } from './values.js';

describe('Parquet value conversions', () => {
  it('scales decimals exactly, rounding half away from zero', () => {
    expect(toUnscaledDecimal('12.345', 10, 2)).toBe(1235n);
    expect(toUnscaledDecimal('-0.005', 10, 2)).toBe(-1n);
    expect(toUnscaledDecimal(0.1, 10, 2)).toBe(10n);
    expect(toUnscaledDecimal(1e-7, 10, 2)).toBe(0n);
    expect(toUnscaledDecimal('1.5e3', 10, 2)).toBe(150000n);
    expect(toUnscaledDecimal(' 42 ', 4, 0)).toBe(42n);
  });

  it('refuses decimals that need more digits than the precision, or are not numbers', () => {
    expect(toUnscaledDecimal('100000000.00', 10, 2)).toBeUndefined();
    expect(toUnscaledDecimal('99999999.99', 10, 2)).toBe(9999999999n);
    for (const bad of ['', '.', 'abc', '1,5', Number.NaN, Number.POSITIVE_INFINITY, true, '1e999']) {
      expect(toUnscaledDecimal(bad, 10, 2)).toBeUndefined();
    }
  });

  it('keeps 64-bit integers beyond 2^53 exact and refuses unsafe numbers', () => {
    expect(toInt64('9007199254740993')).toBe(9007199254740993n);
    expect(toInt64(2 ** 53 + 2)).toBeUndefined();
    expect(toInt64('9223372036854775808')).toBeUndefined();
    expect(toInt32(2 ** 31)).toBeUndefined();
    expect(toInt32(1.5)).toBeUndefined();
  });

  it('reads calendar dates and refuses impossible ones', () => {
    expect(toEpochDay('1970-01-02')).toBe(1);
    expect(toEpochDay('2024-02-29')).toBe(19782);
    expect(toEpochDay('2025-02-30')).toBeUndefined();
    expect(toEpochDay('02/01/2025')).toBeUndefined();
  });

  it('reads timestamps without a zone as UTC and honours explicit offsets', () => {
    expect(toEpochMillis('1970-01-01 00:00:01')).toBe(1000n);
    expect(toEpochMillis('1970-01-01T02:00:00+02:00')).toBe(0n);
    expect(toEpochMillis('2025-02-30 00:00:00')).toBeUndefined();
    expect(toEpochMillis(new Date(Number.NaN))).toBeUndefined();
  });
});
