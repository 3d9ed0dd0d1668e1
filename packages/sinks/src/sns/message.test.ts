import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairedSubject, snsSubject, toSnsEntry } from './message.js';

describe('snsSubject', () => {
  it('turns line breaks and control characters into spaces and strips accents', () => {
    expect(snsSubject('Large order\r\nTX-1\tcafé — Évry')).toBe('Large order TX-1 cafe ? Evry');
  });

  it('cuts a long subject to 99 characters ending in ...', () => {
    const subject = snsSubject('x'.repeat(150));
    expect(subject).toHaveLength(99);
    expect(subject?.endsWith('...')).toBe(true);
  });

  it('leaves out a subject with nothing printable', () => {
    expect(snsSubject(' \n ')).toBeUndefined();
  });

  it('gives what the general repair gives for any subject', () => {
    const char = fc.constantFrom(
      'a',
      'Z',
      '7',
      '~',
      '!',
      ' ',
      '  ',
      '\t',
      '\n',
      'é',
      '—',
      '\u0301',
      '\u0000',
    );
    const subject = fc.oneof(fc.string({ unit: char }), fc.string(), fc.string({ unit: 'grapheme-ascii' }));
    fc.assert(
      fc.property(subject, (text) => {
        const repaired = repairedSubject(text);
        const cut = repaired.length > 99 ? `${repaired.slice(0, 96)}...` : repaired;
        expect(snsSubject(text)).toBe(cut === '' ? undefined : cut);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('toSnsEntry', () => {
  it('counts attributes against the 256 KiB message limit', () => {
    const message = 'm'.repeat(256 * 1024 - 20);
    expect(toSnsEntry({ message }, 0).ok).toBe(true);
    const over = toSnsEntry({ message, attributes: { status: 'confirmed' } }, 3);
    expect(over).toMatchObject({ ok: false, rejection: { index: 3, reason: 'too-large' } });
  });

  it('sends numbers as Number attributes and refuses non-finite ones', () => {
    const entry = toSnsEntry({ message: 'm', attributes: { total: 12.5, status: 'pending' } }, 0);
    expect(entry.ok && entry.entry.attributes).toEqual({
      total: { DataType: 'Number', StringValue: '12.5' },
      status: { DataType: 'String', StringValue: 'pending' },
    });
    expect(toSnsEntry({ message: 'm', attributes: { total: Number.NaN } }, 0)).toMatchObject({
      ok: false,
      rejection: { reason: 'invalid-attribute' },
    });
  });
});
