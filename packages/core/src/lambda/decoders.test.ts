import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { jsonData } from './decoders.js';
import type { Base64Record } from './payload.js';

const position = { kind: 'message', messageId: 'r1' } as const;
const record = (text: string): Base64Record => ({ data: Buffer.from(text).toString('base64'), position });

describe('jsonData', () => {
  it('with exactIntegers keeps an integer beyond 2^53 as its digits and parses the rest as JSON.parse does', async () => {
    const decode = jsonData(undefined, { exactIntegers: true });
    const texts = [
      '{"id": 12345678901234567890, "t": 1.5}',
      '{"id": -9007199254740993}',
      '{"id": 9007199254740991, "n": "12345678901234567890", "e": 1e21}',
      '[123456789012345, 0.12345678901234568]',
    ];
    const values = await Promise.all(texts.map((text) => decode(record(text))));
    expect(values.map((value) => (value.ok ? value.value : value.rejection.reason))).toEqual([
      { id: '12345678901234567890', t: 1.5 },
      { id: '-9007199254740993' },
      { id: 9007199254740991, n: '12345678901234567890', e: 1e21 },
      [123456789012345, 0.12345678901234568],
    ]);
  });

  it('rejects text that is not JSON as invalid-json, with or without long digit runs', async () => {
    const decode = jsonData(undefined, { exactIntegers: true });
    for (const text of ['{"id": 12345678901234567890', '{"id": 1']) {
      const decoded = await decode(record(text));
      expect(decoded.ok ? 'ok' : decoded.rejection.reason).toBe('invalid-json');
    }
  });

  it('answers without a promise when the schema validates synchronously, and awaits an async one', async () => {
    const sync = jsonData(z.object({ a: z.number() }))(record('{"a":1}'));
    expect(sync).toEqual({ ok: true, value: { a: 1 }, position });
    const asyncSchema = z.object({ a: z.number().check(z.refine(async (a) => a > 0, 'must be > 0')) });
    const pending = jsonData(asyncSchema)(record('{"a":-1}'));
    expect(pending).toBeInstanceOf(Promise);
    const settled = await pending;
    expect(settled.ok ? 'ok' : settled.rejection.reason).toBe('schema');
  });
});
