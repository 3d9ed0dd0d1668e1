import { describe, expect, it } from 'vitest';
import { decodeText, incompleteTailStart, type TextEncodingName } from './text-decoding.js';

async function decodeInPieces(bytes: number[], size: number, encoding: TextEncodingName = 'auto') {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(new Uint8Array(bytes.slice(i, i + size)));
  let text = '';
  for await (const chunk of decodeText(pieces, encoding)) text += chunk;
  return text;
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeText auto', () => {
  it('turns a stray Windows-1252 byte into its character and leaves valid UTF-8 alone', async () => {
    const bytes = [0xc9, ...utf8('vry, Évry, '), 0x80, 0x93, 0x94];
    for (const size of [1, 2, 5, 100]) expect(await decodeInPieces(bytes, size)).toBe('Évry, Évry, €“”');
  });

  it('keeps multi-byte characters whole when split across chunks', async () => {
    const text = 'aé€😀z';
    for (const size of [1, 2, 3]) expect(await decodeInPieces(utf8(text), size)).toBe(text);
  });

  it('decodes a truncated sequence at the end of input byte by byte', async () => {
    expect(await decodeInPieces([0x61, 0xe2, 0x82], 1)).toBe('aâ‚');
  });

  it('rejects overlong and surrogate encodings as UTF-8', async () => {
    expect(await decodeInPieces([0xc0, 0xaf, 0xed, 0xa0, 0x80], 10)).toBe('À¯í\u00a0€');
  });

  it('removes only a leading byte-order mark', async () => {
    expect(await decodeInPieces([0xef, 0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf], 1)).toBe('a\ufeff');
  });
});

describe('decodeText other encodings', () => {
  it('decodes Windows-1252 including the 0x80–0x9F range', async () => {
    expect(await decodeInPieces([0x80, 0x8a, 0x9f, 0xe9], 2, 'windows-1252')).toBe('€ŠŸé');
  });

  it('replaces invalid bytes in strict UTF-8 mode', async () => {
    expect(await decodeInPieces([0x61, 0xc9, 0x62], 1, 'utf-8')).toBe('a\ufffdb');
  });
});

describe('incompleteTailStart', () => {
  it('points at a sequence the next chunk may complete', () => {
    expect(incompleteTailStart(new Uint8Array([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(incompleteTailStart(new Uint8Array([0x61, 0xf0, 0x9f, 0x98, 0x80]))).toBe(5);
    expect(incompleteTailStart(new Uint8Array([0x61, 0x62]))).toBe(2);
  });
});
