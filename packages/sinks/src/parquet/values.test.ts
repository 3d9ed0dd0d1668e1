import { describe, expect, it } from 'vitest';
import * as values from './values.js';

describe('Parquet value conversions', () => {
  it('scales decimals exactly, rounding half away from zero', () => {
    expect(values.toUnscaledDecimal('12.345', 10, 2)).toBe(1235n);
    expect(values.toUnscaledDecimal('-0.005', 10, 2)).toBe(-1n);
    expect(values.toUnscaledDecimal(0.1, 10, 2)).toBe(10n);
    expect(values.toUnscaledDecimal(1e-7, 10, 2)).toBe(0n);
    expect(values.toUnscaledDecimal('1.5e3', 10, 2)).toBe(150000n);
    expect(values.toUnscaledDecimal(' 42 ', 4, 0)).toBe(42n);
  });

  it('refuses decimals that need more digits than the precision, or are not numbers', () => {
    expect(values.toUnscaledDecimal('100000000.00', 10, 2)).toBeUndefined();
    expect(values.toUnscaledDecimal('99999999.99', 10, 2)).toBe(9999999999n);
    for (const bad of ['', '.', 'abc', '1,5', Number.NaN, Number.POSITIVE_INFINITY, true, '1e999']) {
      expect(values.toUnscaledDecimal(bad, 10, 2)).toBeUndefined();
    }
  });

  it('reads plain decimal strings on the fast path exactly as the general path does', () => {
    const texts = ['0', '-0.00', '183.02', '-183.02', '5.', '0.5', '99999999.99', '100000000.00', '7.1'];
    for (let i = 0; i < 2000; i++) texts.push(`${i % 3 === 0 ? '-' : ''}${(i * 7919) % 100_000}.${i % 100}`);
    for (const text of texts) {
      const fast = values.toSmallUnscaledDecimal(text, 10, 2);
      if (fast !== undefined) expect(BigInt(fast)).toBe(values.toUnscaledDecimal(text, 10, 2));
    }
    expect(values.toSmallUnscaledDecimal('183.02', 18, 2)).toBe(18302);
    // Shapes that need rounding, exponents, trimming or more digits go to the general path.
    for (const text of ['12.345', '1e3', ' 42', '+5', '.', '', '1234567890123456']) {
      expect(values.toSmallUnscaledDecimal(text, 18, 2)).toBeUndefined();
    }
  });

  it('keeps 64-bit integers beyond 2^53 exact and refuses unsafe numbers', () => {
    expect(values.toInt64('9007199254740993')).toBe(9007199254740993n);
    expect(values.toInt64(2 ** 53 + 2)).toBeUndefined();
    expect(values.toInt64('9223372036854775808')).toBeUndefined();
    expect(values.toInt32(2 ** 31)).toBeUndefined();
    expect(values.toInt32(1.5)).toBeUndefined();
  });

  it('reads calendar dates and refuses impossible ones', () => {
    expect(values.toEpochDay('1970-01-02')).toBe(1);
    expect(values.toEpochDay('2024-02-29')).toBe(19782);
    expect(values.toEpochDay('2025-02-30')).toBeUndefined();
    expect(values.toEpochDay('02/01/2025')).toBeUndefined();
    for (const bad of ['2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '20x5-01-01', '2025-1-01']) {
      expect(values.toEpochDay(bad)).toBeUndefined();
    }
    expect(values.toEpochDay('0001-01-01')).toBe(-719162);
  });

  it('counts days as Date.UTC does across centuries and leap years', () => {
    for (let day = -200_000; day <= 200_000; day += 37) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(values.toEpochDay(iso)).toBe(day);
    }
  });

  it('reads timestamps without a zone as UTC and honours explicit offsets', () => {
    expect(values.toEpochMillis('1970-01-01 00:00:01')).toBe(1000n);
    expect(values.toEpochMillis('1970-01-01T02:00:00+02:00')).toBe(0n);
    expect(values.toEpochMillis('2025-02-30 00:00:00')).toBeUndefined();
    expect(values.toEpochMillis(new Date(Number.NaN))).toBeUndefined();
  });
});
