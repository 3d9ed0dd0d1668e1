import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv-reader.js';
import { formatCsvRow } from './csv-writer.js';

// Characters that stress a CSV reader, mixed with ordinary and multi-byte text.
const tricky = fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', 'a', 'Z', 'é', '€', '😀', '\uFEFF', '');
const field = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const table = fc
  .integer({ min: 1, max: 4 })
  .chain((columns) =>
    fc.array(fc.array(field, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }),
  );
const layout = fc.record({
  terminator: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  finalTerminator: fc.boolean(),
  pieceSize: fc.integer({ min: 1, max: 40 }),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function encode(rows: string[][], { terminator, bom, finalTerminator }: Layout) {
  const body = rows.map((row) => formatCsvRow(row)).join(terminator);
  return `${bom ? '\uFEFF' : ''}${body}${finalTerminator ? terminator : ''}`;
}

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readRows(text: string, pieceSize: number): Promise<string[][]> {
  const csv = await openCsv(inPieces(text, pieceSize), { trimHeaders: false });
  const rows = [csv.header];
  for await (const record of csv.records) {
    if (!record.ok) throw new Error(record.rejection.message);
    rows.push(record.value.fields);
  }
  return rows;
}

describe('CSV properties', () => {
  it('reads the same records as csv-parse for any table, terminator, BOM and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, async (rows, options) => {
        const text = encode(rows, options);
        const oracle = parse(text, { bom: true, record_delimiter: options.terminator }) as string[][];
        expect(await readRows(text, options.pieceSize)).toEqual(oracle);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any fields through formatCsvRow and openCsv', async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, async (rows, options) => {
        expect(await readRows(encode(rows, options), options.pieceSize)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
