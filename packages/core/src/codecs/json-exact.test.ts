import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from './json-exact.js';

describe('parseJsonExact', () => {
  it.each([
    ['{"machine_id": 12345678901234567890}', { machine_id: '12345678901234567890' }],
    ['{"id": -9007199254740993}', { id: '-9007199254740993' }],
    ['[9007199254740992, 9007199254740991]', ['9007199254740992', 9007199254740991]],
    [
      '{"t": 1.5, "e": 1e3, "big": 12345678901234567890.5}',
      { t: 1.5, e: 1000, big: Number('12345678901234567890.5') },
    ],
    [
      '{"s": "12345678901234567890 \\" 12345678901234567890"}',
      { s: '12345678901234567890 " 12345678901234567890' },
    ],
    ['{"a\\\\": 12345678901234567890}', { 'a\\': '12345678901234567890' }],
  ])('reads %s', (text, expected) => {
    expect(parseJsonExact(text)).toEqual(expected);
  });

  it('throws what JSON.parse throws for invalid JSON', () => {
    const text = '{"id": 12345678901234567890,}';
    expect(() => parseJsonExact(text)).toThrow(SyntaxError);
    expect(() => parseJsonExact('{"a": 1')).toThrow(SyntaxError);
  });

  it('agrees with JSON.parse on any JSON without integers beyond 2^53', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const hasLarge = /\d{16,}/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, ''));
        fc.pre(!hasLarge);
        expect(parseJsonExact(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
