import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterKey, numericKeyInBytes } from './counter-key.js';
import { windowSettings } from './options.js';
import type { BotDetection } from './schema.js';
import { KeyedWindowCounter } from './window-counter.js';

describe('counterKey', () => {
  it.each(['7', '0', '520088904', '999999999999999'])(
    'holds the canonical integer %j as its number',
    (key) => {
      expect(counterKey(key)).toBe(Number(key));
    },
  );

  // Leading zeros, 16 digits, signs, spaces, decimals, exponents, nothing, letters: text as written.
  it.each(['007', '00', '1000000000000000', '-7', '+7', ' 7', '7.0', '1e3', '', 'u7'])(
    'keeps %j as text',
    (key) => {
      expect(counterKey(key)).toBe(key);
    },
  );

  it('holds a number as the text it stands for would be held', () => {
    for (const key of [7, 0, -0, 1e15 - 1, 1e15, 1e21, -7, 1.5, Number.NaN]) {
      expect(counterKey(key)).toBe(counterKey(String(key)));
    }
  });

  it('reads a key from bytes as it reads the same key as text', () => {
    const key = fc.stringMatching(/^[-0-9a ]{0,18}$/);
    fc.assert(
      fc.property(key, (text) => {
        const bytes = Buffer.from(`,${text},`, 'latin1');
        const held = counterKey(text);
        expect(numericKeyInBytes(bytes, 1, bytes.length - 1)).toBe(typeof held === 'number' ? held : -1);
      }),
    );
  });
});

describe('KeyedWindowCounter keys', () => {
  const countAll = (
    keys: (string | number)[],
    counter = new KeyedWindowCounter(windowSettings({ flagThreshold: 0 })),
  ) => {
    const out: BotDetection[] = [];
    for (const [i, key] of keys.entries()) counter.add(key, i, out);
    counter.flush(out);
    return out.map((d) => [d.key, d.count]);
  };

  it('counts "7" and 7 as one user, "007" as another, in order of first arrival', () => {
    expect(countAll(['007', '7', 7, '7', '1234567890123456', '007'])).toEqual([
      ['007', 2],
      ['7', 3],
      ['1234567890123456', 1],
    ]);
  });

  it('snapshots numeric keys as text and restores them as the same users', () => {
    const first = new KeyedWindowCounter(windowSettings({ flagThreshold: 0 }));
    for (const key of ['7', 'u7', 7, '007']) first.add(key, 1, []);
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    expect(state.windows).toEqual([
      [
        0,
        [
          ['7', 2],
          ['u7', 1],
          ['007', 1],
        ],
      ],
    ]);
    const second = new KeyedWindowCounter(windowSettings({ flagThreshold: 0 }));
    second.restore(state);
    expect(countAll([7, '7', '007'], second)).toEqual([
      ['7', 4],
      ['u7', 1],
      ['007', 2],
    ]);
  });
});
