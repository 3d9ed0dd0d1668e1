import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvRules } from './csv-run.js';
import { openCsvScan } from './csv-scan.js';
import { formatCsvRow } from './csv-writer.js';
import { CsvHeaderError } from './errors.js';

// Every line accounted for (DESIGN §2): header + record spans partition the input's physical
// lines, whatever the bytes, and the kept output is exactly the kept lines' bytes. The lines are
// counted here, independently of the reader.

/** The input's physical lines, each with its terminator (LF, CRLF or lone CR). */
function physicalLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 10 && bytes[i] !== 13) continue;
    const end = bytes[i] === 13 && bytes[i + 1] === 10 ? i + 2 : i + 1;
    lines.push(bytes.subarray(start, end));
    start = end;
    i = end - 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const cell = fc.oneof(
  fc.constantFrom('', 'a', 'pending', '2025-01-01', '"', '""', 'x"y', ',', '\r', '\n', '\r\n', 'é', '\u00c9'),
  fc.string({ maxLength: 4 }),
);
const validCsv = fc
  .record({
    width: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
    terminator: fc.constantFrom('\n', '\r\n', '\r'),
    finalTerminator: fc.boolean(),
  })
  .map(({ width, rows, terminator, finalTerminator }) => {
    const header = Array.from({ length: width }, (_, i) => `c${i}`);
    const lines = [header, ...rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))];
    const text = lines.map((row) => formatCsvRow(row)).join(terminator) + (finalTerminator ? terminator : '');
    return Buffer.from(text, 'utf8');
  });
const mutation = fc.record({
  at: fc.nat(),
  byte: fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0xc9, 0xff, 0x20, 0x61),
  kind: fc.constantFrom('insert', 'replace', 'delete'),
});
const hostileCsv = fc
  .record({
    csv: validCsv,
    mutations: fc.array(mutation, { maxLength: 6 }),
    pieceSize: fc.integer({ min: 1, max: 17 }),
    maxRecordBytes: fc.option(fc.integer({ min: 16, max: 60 }), { nil: undefined }),
  })
  .map(({ csv, mutations, ...rest }) => ({ bytes: mutate(csv, mutations), ...rest }));

function mutate(bytes: Buffer, mutations: Array<{ at: number; byte: number; kind: string }>): Buffer {
  let out = Buffer.from(bytes);
  for (const { at, byte, kind } of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    const after = kind === 'insert' ? i : i + 1;
    const middle = kind === 'delete' ? [] : [byte];
    out = Buffer.concat([out.subarray(0, i), Buffer.from(middle), out.subarray(Math.min(after, out.length))]);
  }
  return out;
}

function inPieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

async function accountFor(bytes: Buffer, pieceSize: number, maxRecordBytes: number | undefined) {
  const scan = await openCsvScan(inPieces(bytes, pieceSize), {
    file: 'h.csv',
    ...(maxRecordBytes ? { maxRecordBytes } : {}),
  });
  const owner = new Map<number, string>();
  const claim = (from: number, to: number, who: string) => {
    for (let line = from; line <= to; line++) {
      expect(owner.get(line), `line ${line} claimed by ${owner.get(line)} and ${who}`).toBeUndefined();
      owner.set(line, who);
    }
  };
  if (scan.headerLines[0] > 0) claim(scan.headerLines[0], scan.headerLines[1], 'header');
  // Keep records on odd lines, drop the others: the output must hold exactly the kept lines.
  const rules: CsvRules = {
    line: (line) => (line.line % 2 === 1 ? 'keep' : { drop: 'even' }),
    record: (record) => (record.line % 2 === 1 ? 'keep' : { drop: 'even' }),
  };
  const output: Buffer[] = [];
  const onSpan = (line: number, endLine: number, outcome: string) => claim(line, endLine, outcome);
  for await (const chunk of scan.run(rules, { output: true, onRejected: () => {}, onSpan }))
    output.push(chunk);
  return { scan, owner, output: Buffer.concat(output), report: scan.report() };
}

describe('every line accounted for', () => {
  it('partitions the lines of any mutated file among header and records, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCsv, async ({ bytes, pieceSize, maxRecordBytes }) => {
        const run = await accountFor(bytes, pieceSize, maxRecordBytes).catch((error: Error) => error);
        // A mutation may make the header itself unreadable: the reader must then say so, not guess.
        if (run instanceof Error) {
          expect(run).toBeInstanceOf(CsvHeaderError);
          return;
        }
        const { scan, owner, output, report } = run;
        const body = scan.bom ? bytes.subarray(3) : bytes;
        const lines = physicalLines(body);
        expect(report.lines).toBe(lines.length);
        expect([...owner.keys()].sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
        const keptLines = lines.filter((_, i) => ['header', 'kept'].includes(owner.get(i + 1) ?? ''));
        const expected = Buffer.concat([
          scan.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          ...keptLines,
        ]);
        expect(output.equals(expected)).toBe(true);
      }),
      { numRuns: Number(process.env.CSV_PROPERTY_RUNS ?? 1500) },
    );
  });

  it('counts what it read: read = kept + dropped + rejected, one record per non-header span', async () => {
    const text = 'a,b\n1,2\n\n"x\n3,4\n5,"y\r\nz"\r6,7';
    const { report, owner } = await accountFor(Buffer.from(text), 3, undefined);
    expect(report).toMatchObject({ lines: 8, read: 6 });
    expect(Object.fromEntries(owner)).toEqual({
      1: 'header',
      2: 'dropped',
      3: 'dropped',
      4: 'rejected',
      5: 'kept',
      6: 'dropped',
      7: 'dropped',
      8: 'dropped',
    });
  });
});
