import { describe, expect, it } from 'vitest';
import { KINESIS_LIMITS, toKinesisEntry } from './limits.js';

const bytes = (n: number) => new Uint8Array(n);
const identity = (b: Uint8Array) => b;

describe('toKinesisEntry', () => {
  it('counts the partition key against the 1 MiB record limit', () => {
    const fits = toKinesisEntry(bytes(KINESIS_LIMITS.bytesPerRecord - 2), 'k1', 0, identity);
    const over = toKinesisEntry(bytes(KINESIS_LIMITS.bytesPerRecord - 1), 'k1', 4, identity);
    expect(fits.ok).toBe(true);
    expect(over).toMatchObject({ ok: false, rejection: { index: 4, reason: 'too-large' } });
    expect(!over.ok && over.rejection.message).toMatch(/record 4 \(partition key k1\) is 1048577 bytes/);
  });

  it('accepts keys of 1 to 256 characters, counting an emoji as one character', () => {
    expect(toKinesisEntry('x', '🦆'.repeat(256), 0).ok).toBe(true);
    expect(toKinesisEntry('x', 'k'.repeat(257), 0)).toMatchObject({
      ok: false,
      rejection: { reason: 'invalid-partition-key' },
    });
    expect(toKinesisEntry('x', '', 0)).toMatchObject({
      ok: false,
      rejection: { reason: 'invalid-partition-key' },
    });
  });

  it('sends objects as JSON and strings as UTF-8', () => {
    const entry = toKinesisEntry({ machine_id: 'M-1' }, 'M-1', 0);
    expect(entry.ok && new TextDecoder().decode(entry.entry.data)).toBe('{"machine_id":"M-1"}');
  });
});
