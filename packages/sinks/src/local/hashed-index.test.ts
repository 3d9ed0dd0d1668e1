import { describe, expect, it } from 'vitest';
import { HashedIndex, stringHash } from './hashed-index.js';

/** An index over a list of keys, as the sinks hold one over their records: value = place in the list. */
function indexOver(keys: string[]) {
  let lookups = 0;
  const index = new HashedIndex((n) => {
    lookups++;
    return keys[n] as string;
  });
  const add = (key: string) => index.set(key, keys.push(key) - 1);
  return { index, add, lookups: () => lookups };
}

/** Two different keys with the same 32-bit hash, found by a birthday search (~80k keys). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; i < 1_000_000; i++) {
    const key = `k${i.toString(36)}x${(i * 7919) % 1_000_003}`;
    const hash = stringHash(key);
    const other = seen.get(hash);
    if (other !== undefined) return [other, key];
    seen.set(hash, key);
  }
  throw new Error('no colliding pair');
}

describe('HashedIndex', () => {
  it('finds every key it holds and none it does not, through growth', () => {
    const { index, add } = indexOver([]);
    for (let i = 0; i < 20_000; i++) expect(add(`TX-${i}`)).toBeUndefined();
    expect(index.size).toBe(20_000);
    for (let i = 0; i < 20_000; i += 7) expect(index.get(`TX-${i}`)).toBe(i);
    expect(index.has('TX-20000')).toBe(false);
    expect(index.get('')).toBeUndefined();
  });

  it('replaces a key’s number and returns the one it had', () => {
    const keys: string[] = [];
    const { index, add } = indexOver(keys);
    add('a');
    keys.push('b', 'a');
    expect(index.set('a', 2)).toBe(0);
    expect(index.get('a')).toBe(2);
    expect(index.size).toBe(1);
  });

  it('tells apart two keys with the same hash by asking for the key', () => {
    const [first, second] = collidingPair();
    const { index, add, lookups } = indexOver([]);
    add(first);
    expect(index.has(second)).toBe(false);
    expect(lookups()).toBe(1);
    add(second);
    expect([index.get(first), index.get(second)]).toEqual([0, 1]);
  });
});
