import { describe, expect, it } from 'vitest';
import {
  type BatchCalls,
  deliverInCalls,
  type EntryResult,
  type PendingEntry,
  packInOrder,
} from './delivery.js';

const noWait = { sleep: async () => {}, baseDelayMs: 1 };
const entries = (values: string[]) => values.map((entry, index) => ({ index, entry }));
const pending = (values: string[]): PendingEntry<string>[] =>
  entries(values).map((e) => ({ ...e, attempts: 0 }));
const throttled: EntryResult = { ok: false, code: 'Throttled', message: 'slow down', retryable: true };

/** A fake service that refuses each entry listed in `refusals` as many times as listed. */
function service(refusals: Record<string, EntryResult[]>, maxEntries = 3) {
  const calls: string[][] = [];
  const batchCalls: BatchCalls<string> = {
    pack: (p) => packInOrder(p, { maxEntries, maxBytes: 100, size: (e) => e.length }),
    send: async (sent) => {
      calls.push(sent);
      return sent.map((e) => refusals[e]?.shift() ?? { ok: true });
    },
    retry: { ...noWait, maxAttempts: 3 },
  };
  return { calls, batchCalls };
}

describe('deliverInCalls', () => {
  it('sends again only the refused entries, ahead of the entries not yet sent', async () => {
    const { calls, batchCalls } = service({ b: [throttled] });
    const outcome = await deliverInCalls(entries(['a', 'b', 'c', 'd', 'e']), batchCalls);
    expect(calls).toEqual([
      ['a', 'b', 'c'],
      ['b', 'd', 'e'],
    ]);
    expect(outcome).toEqual({ sent: 5, retried: 1, refused: [] });
  });

  it('gives up on an entry after the attempt budget and reports its last error', async () => {
    const { batchCalls } = service({ b: [throttled, throttled, throttled] });
    const outcome = await deliverInCalls(entries(['a', 'b']), batchCalls);
    expect(outcome).toEqual({
      sent: 1,
      retried: 2,
      refused: [{ index: 1, code: 'Throttled', message: 'slow down' }],
    });
  });

  it('never resends an entry refused as invalid', async () => {
    const invalid: EntryResult = { ok: false, code: 'InvalidParameter', message: 'bad', retryable: false };
    const { calls, batchCalls } = service({ a: [invalid] });
    const outcome = await deliverInCalls(entries(['a', 'b']), batchCalls);
    expect(calls).toEqual([['a', 'b']]);
    expect(outcome.refused).toEqual([{ index: 0, code: 'InvalidParameter', message: 'bad' }]);
  });

  it('fails the entries of a call whose error is not retryable, without throwing', async () => {
    const denied = Object.assign(new Error('no such stream'), { name: 'ResourceNotFoundException' });
    const outcome = await deliverInCalls(entries(['a', 'b']), {
      pack: (p) => [...p],
      send: () => Promise.reject(denied),
      retry: noWait,
    });
    expect(outcome.refused.map((r) => r.code)).toEqual([
      'ResourceNotFoundException',
      'ResourceNotFoundException',
    ]);
  });
});

describe('packInOrder', () => {
  it('stops at the byte budget but always takes at least one entry', () => {
    const limits = { maxEntries: 10, maxBytes: 5, size: (e: string) => e.length };
    expect(packInOrder(pending(['aaa', 'bb', 'c']), limits).map((p) => p.entry)).toEqual(['aaa', 'bb']);
    expect(packInOrder(pending(['aaaaaaa', 'b']), limits).map((p) => p.entry)).toEqual(['aaaaaaa']);
  });

  it('takes one entry per key so a later entry of a key cannot overtake an earlier one', () => {
    const limits = { maxEntries: 10, maxBytes: 100, size: () => 1, key: (e: string) => e.charAt(0) };
    expect(packInOrder(pending(['k1', 'k2', 'j1', 'k3', 'm1']), limits).map((p) => p.entry)).toEqual([
      'k1',
      'j1',
      'm1',
    ]);
  });
});

describe('deliverInCalls cancellation', () => {
  it('stops between calls when the signal aborts and rejects with its reason', async () => {
    const controller = new AbortController();
    const sent: string[][] = [];
    const delivery = deliverInCalls(entries(['a', 'b', 'c']), {
      pack: (p) => p.slice(0, 1),
      send: async (batch) => {
        sent.push(batch);
        controller.abort(new Error('Lambda is out of time'));
        return [throttled];
      },
      retry: { baseDelayMs: 1 },
      signal: controller.signal,
    });
    await expect(delivery).rejects.toThrow('Lambda is out of time');
    expect(sent).toEqual([['a']]);
  });
});
