import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv-reader.js';
import { type CsvOutputRow, encodeCsv, formatCsvRow } from './csv-writer.js';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

describe('formatCsvRow', () => {
  it('leaves plain fields, spaces and empty fields unquoted', () => {
    expect(formatCsvRow(['ORD-1', ' padded ', '', 'Évry'])).toBe('ORD-1, padded ,,Évry');
  });

  it('quotes only fields holding the delimiter, a quote, CR or LF, doubling quotes', () => {
    expect(formatCsvRow(['a,b', 'say "hi"', 'x\ry', 'x\ny', 'ok'])).toBe(
      '"a,b","say ""hi""","x\ry","x\ny",ok',
    );
  });

  it('quotes by the delimiter in use', () => {
    expect(formatCsvRow(['a;b', 'c,d'], ';')).toBe('"a;b";c,d');
  });

  it('writes a lone empty field as "" so it does not become a blank line', () => {
    expect(formatCsvRow([''])).toBe('""');
  });
});

describe('encodeCsv', () => {
  it('reproduces kept rows byte for byte from their raw text', async () => {
    const source = await readFile(new URL('./fixtures/orders-crlf-bom.csv', import.meta.url));
    const csv = await openCsv([source], { keepRaw: true });
    const rows: CsvOutputRow[] = [{ raw: csv.headerRaw }];
    for await (const record of csv.records) if (record.ok) rows.push({ raw: record.value.raw! });
    const written = await collect(encodeCsv(rows, { lineTerminator: csv.lineTerminator, bom: true }));
    // The source's blank line is not a record, so it is the only difference.
    const withoutBlankLine = Buffer.from(source.toString('latin1').replace('\r\n\r\n', '\r\n'), 'latin1');
    expect(Buffer.concat(written)).toEqual(withoutBlankLine);
  });

  it('writes field rows with the chosen terminator', async () => {
    const written = await collect(
      encodeCsv(
        [
          ['id', 'note'],
          ['1', 'a,b'],
        ],
        { lineTerminator: '\r\n' },
      ),
    );
    expect(text(written)).toBe('id,note\r\n1,"a,b"\r\n');
  });

  it('batches output into chunks of about chunkBytes instead of one per row', async () => {
    async function* many() {
      for (let i = 0; i < 1000; i++) yield [`ORD-${i}`, 'pending'];
    }
    const written = await collect(encodeCsv(many(), { chunkBytes: 1024 }));
    expect(written.length).toBeGreaterThan(5);
    expect(written.length).toBeLessThan(30);
    expect(written.slice(0, -1).every((chunk) => chunk.length >= 1024)).toBe(true);
    expect(text(written).split('\n')).toHaveLength(1001);
  });
});
