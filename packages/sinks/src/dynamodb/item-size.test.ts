import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynamoItemSize, dynamoItemSizeAtMost, MAX_ITEM_BYTES } from './item-size.js';

describe('dynamoItemSize', () => {
  it('counts attribute names and string values in UTF-8 bytes', () => {
    // "é" is 2 bytes in UTF-8, "€" is 3
    expect(dynamoItemSize({ id: 'a1' })).toBe(4);
    expect(dynamoItemSize({ é: '€€' })).toBe(2 + 6);
  });

  it('counts numbers by significant digits, booleans and null as one byte', () => {
    expect(dynamoItemSize({ n: 12 })).toBe(1 + 2);
    expect(dynamoItemSize({ n: 1200 })).toBe(1 + 2);
    expect(dynamoItemSize({ n: -123 })).toBe(1 + 4);
    expect(dynamoItemSize({ b: true, z: null })).toBe(2 + 2);
    expect(dynamoItemSize({ n: 0.00125, m: 100.5, e: 1e21, s: -0.5 })).toBe(4 + 4 + 3 + 4);
  });

  it('adds 3 bytes per list or map and 1 per element, and skips undefined attributes', () => {
    expect(dynamoItemSize({ l: ['ab', 'c'] })).toBe(1 + 3 + 3 + 2);
    expect(dynamoItemSize({ m: { k: 'v' }, gone: undefined })).toBe(1 + 3 + 1 + 1 + 1);
  });

  it('puts a 400 KB string just over the limit once its name is counted', () => {
    expect(dynamoItemSize({ id: 'x', body: 'a'.repeat(MAX_ITEM_BYTES) })).toBeGreaterThan(MAX_ITEM_BYTES);
  });

  it('bounds without encoding: 3 bytes a UTF-16 unit, 11 a number, through maps and lists', () => {
    // m: 3 + (3 + 1 + 3 + 3); n: 3 + 11; l: 3 + (3 + 1 + 6); s (no prototype): 3 + (3 + 1 + 3 + 11)
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 1 });
    expect(dynamoItemSizeAtMost({ m: { k: 'v' }, n: 1, l: ['ab'], s: bare })).toBe(13 + 14 + 13 + 21);
  });

  it('is never more than the count that encodes nothing', () => {
    const item = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }));
    const texts = fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.oneof(item, texts), (value) => {
        expect(dynamoItemSize(value)).toBeLessThanOrEqual(dynamoItemSizeAtMost(value));
      }),
      { numRuns: 500 },
    );
  });
});
