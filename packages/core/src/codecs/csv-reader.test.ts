import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../outcome/outcome.js';
import type { CsvRecord } from './csv-line.js';
import { type CsvOpenOptions as CsvReadOptions, openCsv } from './csv-reader.js';
import { CodecOptionsError, CsvHeaderError } from './errors.js';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

/** Feeds bytes in pieces of `size`, as a network stream might. */
async function* inPieces(data: Uint8Array | string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(data: Uint8Array | string, options: CsvReadOptions = {}, pieceSize = 1 << 16) {
  const csv = await openCsv(inPieces(data, pieceSize), options);
  const records: SourceRecord<CsvRecord>[] = [];
  for await (const record of csv.records) records.push(record);
  const kept = records.flatMap((r) => (r.ok ? [r.value] : []));
  const rejected = records.flatMap((r) => (r.ok ? [] : [r.rejection]));
  return { csv, records, kept, rejected };
}

describe('openCsv quoting', () => {
  it('reads commas, doubled quotes and line breaks inside quotes, and keeps later line numbers right', async () => {
    for (const pieceSize of [1, 7, 1 << 16]) {
      const { kept } = await readAll(await fixture('orders-multiline-quoted.csv'), {}, pieceSize);
      expect(kept.map((r) => [r.line, r.fields])).toEqual([
        [2, ['ORD-1', 'line one\nline two\r\nline three', '1']],
        [5, ['ORD-2', 'say "hi"', '2']],
        [6, ['ORD-3', 'plain', '3']],
      ]);
    }
  });

  it('keeps the exact source text of each record when asked', async () => {
    const { kept } = await readAll('a,b\r\n1,"x ""y"""\r\n', { keepRaw: true });
    expect(kept[0]?.raw).toBe('1,"x ""y"""');
  });

  it('keeps a quote inside an unquoted field as text', async () => {
    const { kept } = await readAll('item,size\nTV,55" screen\n');
    expect(kept[0]?.fields).toEqual(['TV', '55" screen']);
  });
});

describe('openCsv line endings, BOM and header', () => {
  it('strips the BOM, reads CRLF, skips blank lines and reports the terminator', async () => {
    const { csv, kept } = await readAll(await fixture('orders-crlf-bom.csv'));
    expect(csv.header).toEqual(['OrderID', 'CustomerID', 'OrderDate', 'Status', 'Amount']);
    expect(csv.headerRaw).toBe('OrderID,CustomerID,OrderDate,Status,Amount');
    expect(csv.lineTerminator).toBe('\r\n');
    expect(kept.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(kept[1]?.fields).toEqual(['ORD-2', 'Smith, J', '2025-01-03', 'shipped', '1,200.00']);
  });

  it('reads files that mix LF and CRLF', async () => {
    const { csv, kept } = await readAll('a,b\n1,2\r\n3,4\n5,6');
    expect(csv.lineTerminator).toBe('\n');
    expect(kept.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('trims padded header names unless told not to, and keeps the raw header', async () => {
    const bytes = await fixture('customers-padded-headers-windows-1252.csv');
    const trimmed = await readAll(bytes);
    expect(trimmed.csv.header).toEqual(['Customer_ID', 'Age', 'Purchase_Amount', 'Location']);
    expect(trimmed.csv.headerRaw).toBe('Customer_ID, Age , Purchase_Amount ,Location');
    const untrimmed = await readAll(bytes, { trimHeaders: false });
    expect(untrimmed.csv.header[2]).toBe(' Purchase_Amount ');
  });

  it('gives an empty header and no records for empty input', async () => {
    const { csv, records } = await readAll('');
    expect(csv.header).toEqual([]);
    expect(records).toEqual([]);
  });

  it('reads a custom delimiter', async () => {
    const { kept } = await readAll('a;b\n"x;y";2\n', { delimiter: ';' });
    expect(kept[0]?.fields).toEqual(['x;y', '2']);
  });

  it('releases the input when the reader stops early', async () => {
    let released = false;
    async function* source() {
      try {
        yield 'id\n1\n';
        yield '2\n';
        yield '3\n';
      } finally {
        released = true;
      }
    }
    const csv = await openCsv(source());
    for await (const record of csv.records) if (record.ok) break;
    expect(released).toBe(true);
  });

  it('refuses a quote as the delimiter', async () => {
    await expect(openCsv(inPieces('a', 1), { delimiter: '"' })).rejects.toThrow(CodecOptionsError);
  });
});

describe('openCsv encodings', () => {
  it('decodes Windows-1252 bytes in otherwise UTF-8 input without touching valid UTF-8', async () => {
    for (const pieceSize of [1, 2, 3, 1 << 16]) {
      const { kept } = await readAll(
        await fixture('customers-padded-headers-windows-1252.csv'),
        {},
        pieceSize,
      );
      expect(kept.map((r) => r.fields[3])).toEqual(['Évry', 'café €', 'Montr€al']);
    }
  });

  it('reads multi-byte UTF-8 split across one-byte chunks', async () => {
    const { kept } = await readAll('name,city\n😀 Zoë,Kraków\n', {}, 1);
    expect(kept[0]?.fields).toEqual(['😀 Zoë', 'Kraków']);
  });

  it('decodes every byte as Windows-1252 when told so', async () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x80, 0xc3, 0xa9, 0x0a]);
    const { kept } = await readAll(bytes, { encoding: 'windows-1252' });
    expect(kept[0]?.fields).toEqual(['€Ã©']);
  });
});

describe('openCsv rejections', () => {
  it('rejects ragged rows with their line and goes on', async () => {
    const { kept, rejected } = await readAll(await fixture('orders-ragged-rows.csv'), { file: 'orders.csv' });
    expect(kept.map((r) => r.fields[0])).toEqual(['1', '4']);
    expect(rejected.map((r) => [r.reason, r.message, r.raw])).toEqual([
      ['ragged-row', 'orders.csv:3: expected 2 fields, got 3', '2,too,many'],
      ['ragged-row', 'orders.csv:4: expected 2 fields, got 1', '3'],
    ]);
    expect(rejected[0]?.position).toEqual({ kind: 'file', file: 'orders.csv', line: 3 });
  });

  it('gives up only the first line of a quoted record past maxRecordBytes and reads on', async () => {
    const big = `"${'x'.repeat(5000)}\n${'y'.repeat(5000)}"`;
    const text = `id,note\n1,short\n2,${big}\n3,after\n4,${'z'.repeat(300)}\n5,end\n`;
    for (const pieceSize of [1, 64, 1 << 16]) {
      const { csv, kept, rejected } = await readAll(text, { file: 'f.csv', maxRecordBytes: 256 }, pieceSize);
      expect(kept.map((r) => [r.line, r.fields[0]])).toEqual([
        [2, '1'],
        [5, '3'],
        [7, '5'],
      ]);
      expect(rejected.map((r) => [r.reason, r.position])).toEqual([
        ['unterminated-quote', { kind: 'file', file: 'f.csv', line: 3 }],
        ['record-too-large', { kind: 'file', file: 'f.csv', line: 4 }],
        ['record-too-large', { kind: 'file', file: 'f.csv', line: 6 }],
      ]);
      expect(csv.report()).toMatchObject({ lines: 7, read: 6, kept: 3 });
    }
  });

  it('rejects an oversized record and reads on', async () => {
    const wide = Array.from({ length: 50 }, () => 'abcdefghij').join(',');
    const text = `${Array.from({ length: 50 }, (_, i) => `c${i}`).join(',')}\n${wide}\n${wide.slice(0, 10)}${'1,'.repeat(49)}1\n`;
    const { kept, rejected } = await readAll(text, { maxRecordBytes: 200 }, 32);
    expect(rejected.map((r) => [r.reason, r.position?.kind === 'file' && r.position.line])).toEqual([
      ['record-too-large', 2],
    ]);
    expect(kept.map((r) => r.line)).toEqual([3]);
  });

  it('rejects an unterminated quote at the end of input, keeping earlier rows', async () => {
    const { kept, rejected } = await readAll('a,b\n1,2\n3,"never\nclosed\n', { file: 'q.csv' });
    expect(kept.map((r) => r.fields)).toEqual([['1', '2']]);
    expect(rejected).toMatchObject([
      { reason: 'unterminated-quote', position: { line: 3 }, raw: '3,"never' },
      { reason: 'ragged-row', position: { line: 4 }, raw: 'closed' },
    ]);
    expect(rejected[0]?.message).toContain('q.csv:3');
  });

  it('rejects a ragged first row that arrives in the same chunk as the header', async () => {
    const { kept, rejected } = await readAll('a,b\n1\n2,3\n', { file: 'r.csv' });
    expect(kept.map((r) => r.fields)).toEqual([['2', '3']]);
    expect(rejected).toMatchObject([{ reason: 'ragged-row', position: { line: 2 } }]);
  });

  it('fails to open when the header itself cannot be read', async () => {
    await expect(openCsv(inPieces('"a,b\n1,2\n', 4), { file: 'h.csv' })).rejects.toThrow(CsvHeaderError);
  });
});
