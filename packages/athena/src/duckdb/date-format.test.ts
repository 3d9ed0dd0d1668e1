import { describe, expect, it } from 'vitest';
import { trinoFormatToStrftime } from './date-format.js';
import { UnsupportedDateFormatError } from './errors.js';

describe('trinoFormatToStrftime', () => {
  // Specifiers DuckDB's strftime spells as MySQL does, then those it spells otherwise.
  it.each(['%a', '%b', '%d', '%f', '%H', '%I', '%j', '%m', '%p', '%S', '%Y', '%y', '%%'])(
    'keeps Trino %s for DuckDB',
    (spec) => {
      expect(trinoFormatToStrftime(spec)).toBe(spec);
    },
  );

  const renamed = {
    '%c': '%-m',
    '%e': '%-d',
    '%h': '%I',
    '%i': '%M',
    '%k': '%-H',
    '%l': '%-I',
    '%M': '%B',
    '%r': '%I:%M:%S %p',
    '%s': '%S',
    '%T': '%H:%M:%S',
    '%v': '%V',
    '%W': '%A',
    '%x': '%G',
  };
  it.each(Object.entries(renamed))('translates Trino %s to DuckDB %s', (trino, duckdb) => {
    expect(trinoFormatToStrftime(trino)).toBe(duckdb);
  });

  it('keeps literal text and translates a whole timestamp format', () => {
    expect(trinoFormatToStrftime('%Y-%m-%d %H:%i:%s')).toBe('%Y-%m-%d %H:%M:%S');
    expect(trinoFormatToStrftime('week of %W, %M %e')).toBe('week of %A, %B %-d');
  });

  it('treats an unknown specifier as the letter itself, like MySQL', () => {
    expect(trinoFormatToStrftime('%Q%Y')).toBe('Q%Y');
  });

  it.each(['%D', '%U', '%u', '%V', '%w', '%X'])('refuses %s, which Trino does not support', (spec) => {
    expect(() => trinoFormatToStrftime(spec)).toThrow(UnsupportedDateFormatError);
    expect(() => trinoFormatToStrftime(spec)).toThrow(spec);
  });

  it('refuses a format ending in a lone %', () => {
    expect(() => trinoFormatToStrftime('%Y%')).toThrow('lone %');
  });
});
