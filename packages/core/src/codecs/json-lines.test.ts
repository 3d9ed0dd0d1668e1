import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../outcome/outcome.js';
import { JsonLinesEncodeError } from './errors.js';
import { encodeJsonLines, type JsonLine, readJsonLines } from './json-lines.js';

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, options: Parameters<typeof readJsonLines>[1] = {}, pieceSize = 1 << 16) {
  const entries: SourceRecord<JsonLine>[] = [];
  for await (const entry of readJsonLines(inPieces(text, pieceSize), options)) entries.push(entry);
  return {
    kept: entries.flatMap((e) => (e.ok ? [e.value] : [])),
    rejected: entries.flatMap((e) => (e.ok ? [] : [e.rejection])),
  };
}

async function written(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('readJsonLines', () => {
  it('reads values with their lines, skipping blank lines and CRLF terminators', async () => {
    for (const pieceSize of [1, 1 << 16]) {
      const { kept } = await readAll('{"a":1}\r\n\n  \n["é"]\n42', {}, pieceSize);
      expect(kept).toEqual([
        { value: { a: 1 }, line: 1 },
        { value: ['é'], line: 4 },
        { value: 42, line: 5 },
      ]);
    }
  });

  it('rejects a line that is not JSON with file:line and reads on', async () => {
    const { kept, rejected } = await readAll('{"a":1}\n{"a":\n{"a":3}\n', { file: 'events.jsonl' });
    expect(kept.map((k) => k.value)).toEqual([{ a: 1 }, { a: 3 }]);
    expect(rejected).toMatchObject([
      { reason: 'invalid-json', raw: '{"a":', position: { kind: 'file', file: 'events.jsonl', line: 2 } },
    ]);
    expect(rejected[0]?.message).toContain('events.jsonl:2');
  });

  it('rejects an overlong line without buffering it and reads on', async () => {
    const text = `{"a":1}\n"${'x'.repeat(500)}"\n{"a":3}\n`;
    for (const pieceSize of [16, 1 << 16]) {
      const { kept, rejected } = await readAll(text, { maxLineBytes: 100 }, pieceSize);
      expect(kept).toEqual([
        { value: { a: 1 }, line: 1 },
        { value: { a: 3 }, line: 3 },
      ]);
      expect(rejected).toMatchObject([{ reason: 'line-too-large', position: { line: 2 } }]);
    }
  });

  it('keeps the line text when asked', async () => {
    const { kept } = await readAll('{ "a" : 1 }\n', { keepRaw: true });
    expect(kept[0]?.raw).toBe('{ "a" : 1 }');
  });
});

describe('encodeJsonLines', () => {
  it('writes one JSON value per line, each terminated by LF, readable back', async () => {
    const values = [{ id: '9007199254740993' }, [1, 'two'], 'é', null];
    const text = await written(encodeJsonLines(values));
    expect(text).toBe('{"id":"9007199254740993"}\n[1,"two"]\n"é"\nnull\n');
    const { kept } = await readAll(text);
    expect(kept.map((k) => k.value)).toEqual(values);
  });

  it('names the value that has no JSON form', async () => {
    const attempt = written(encodeJsonLines([1, undefined]));
    await expect(attempt).rejects.toThrow(JsonLinesEncodeError);
    await expect(written(encodeJsonLines([1n]))).rejects.toThrow(/value 0/);
  });
});

describe('readJsonLines and a byte-order mark', () => {
  const bom = [0xef, 0xbb, 0xbf];
  const bytes = [...bom, ...new TextEncoder().encode('{"id":1}\n{"id":2}\n')];

  async function* pieces(size: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += size) yield Uint8Array.from(bytes.slice(i, i + size));
  }

  it.each(['auto', 'utf-8', 'windows-1252'] as const)(
    'strips a UTF-8 BOM before the first message (%s), even split across chunks',
    async (encoding) => {
      for (const size of [1, 2, 4, 64]) {
        const values: unknown[] = [];
        for await (const entry of readJsonLines(pieces(size), { encoding, keepRaw: true })) {
          expect(entry.ok, `piece size ${size}`).toBe(true);
          if (entry.ok) values.push([entry.value.value, entry.value.raw]);
        }
        expect(values).toEqual([
          [{ id: 1 }, '{"id":1}'],
          [{ id: 2 }, '{"id":2}'],
        ]);
      }
    },
  );

  it('strips it from text given as strings, and only at the start', async () => {
    const entries: SourceRecord<JsonLine>[] = [];
    for await (const entry of readJsonLines(['\ufeff{"id":1}\n\ufeff{"id":2}\n'])) entries.push(entry);
    expect(entries.map((e) => (e.ok ? 'ok' : e.rejection.reason))).toEqual(['ok', 'invalid-json']);
  });
});
