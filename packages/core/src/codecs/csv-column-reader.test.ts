import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rejection } from '../outcome/outcome.js';
import type { CsvColumnBatch } from './csv-column-batcher.js';
import { type CsvColumnReadOptions, readCsvColumns } from './csv-column-reader.js';
import { openCsv } from './csv-reader.js';
import { formatCsvRow } from './csv-writer.js';
import { CodecOptionsError } from './errors.js';

// The csv-parse oracle test's characters and fields, plus rows of any width and broken text.
const tricky = fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', 'a', 'Z', 'é', '€', '😀', '\uFEFF', '');
const field = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const junk = fc
  .array(fc.oneof(tricky, fc.constantFrom('"x', 'a"b', '"q"z', '""', ',,,', '\r\r')), { maxLength: 5 })
  .map((parts) => parts.join(''));
const record = fc.oneof(
  { weight: 4, arbitrary: fc.array(field, { minLength: 1, maxLength: 5 }).map((row) => formatCsvRow(row)) },
  { weight: 1, arbitrary: junk },
);
const messyCsv = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 12 }),
  terminator: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  finalTerminator: fc.boolean(),
  pieceSize: fc.integer({ min: 1, max: 40 }),
  batchRows: fc.integer({ min: 1, max: 5 }),
  maxRecordBytes: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
});

type MessyCsv = typeof messyCsv extends fc.Arbitrary<infer T> ? T : never;

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}

function textOf({ records, terminator, bom, finalTerminator }: MessyCsv): string {
  return `${bom ? '\uFEFF' : ''}${records.join(terminator)}${finalTerminator ? terminator : ''}`;
}

function limits({ maxRecordBytes }: MessyCsv): CsvColumnReadOptions {
  return {
    file: 'm.csv',
    ...(maxRecordBytes ? { maxRecordBytes } : {}),
  };
}

/** What openCsv reads, cut into the batches readCsvColumns should yield. */
async function expectedRead(csv: MessyCsv) {
  const source = await openCsv(inPieces(textOf(csv), csv.pieceSize), limits(csv));
  const batches: CsvColumnBatch[] = [];
  const open = (): CsvColumnBatch => ({
    length: 0,
    columns: source.header.map(() => []),
    lines: [],
    rejections: [],
  });
  let batch = open();
  for await (const outcome of source.records) {
    if (!outcome.ok) {
      batch.rejections.push(outcome.rejection);
      // Rejections seal a batch too, so that an all-rejected file never holds them all.
      if (batch.rejections.length === csv.batchRows) [batches[batches.length], batch] = [batch, open()];
    } else {
      for (const [column, value] of outcome.value.fields.entries()) batch.columns[column]?.push(value);
      batch.lines.push(outcome.value.line);
      if (++batch.length === csv.batchRows) [batches[batches.length], batch] = [batch, open()];
    }
  }
  if (batch.length > 0 || batch.rejections.length > 0) batches.push(batch);
  return {
    header: source.header,
    headerRaw: source.headerRaw,
    lineTerminator: source.lineTerminator,
    batches,
  };
}

async function columnRead(csv: MessyCsv) {
  const options = { ...limits(csv), batchRows: csv.batchRows };
  const { batches, header, headerRaw, lineTerminator } = await readCsvColumns(
    inPieces(textOf(csv), csv.pieceSize),
    options,
  );
  return { header, headerRaw, lineTerminator, batches: await all(batches) };
}

const settled = <T>(read: Promise<T>) =>
  read.catch((error: Error) => ({ error: `${error.name}: ${error.message}` }));

describe('readCsvColumns', () => {
  it('yields exactly the rows, lines and rejections openCsv yields, whatever the chunking and batch size', async () => {
    await fc.assert(
      fc.asyncProperty(messyCsv, async (csv) => {
        expect(await settled(columnRead(csv))).toEqual(await settled(expectedRead(csv)));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a wide file in full batches and a short last one', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${i},x${i},"q ${i}"`);
    const csv = await readCsvColumns([`id,name,note\n${rows.join('\n')}\n`], { batchRows: 2 });
    const batches = await all(csv.batches);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches[2]?.columns).toEqual([['4'], ['x4'], ['q 4']]);
    expect(batches[2]?.lines).toEqual([6]);
  });

  it('puts a ragged row into the rejections of the batch it interrupts, with its file and line', async () => {
    const csv = await readCsvColumns(['a,b\n1,2\n3\n4,5\n'], { file: 'orders.csv' });
    const [batch] = await all(csv.batches);
    expect(batch?.columns).toEqual([
      ['1', '4'],
      ['2', '5'],
    ]);
    expect(batch?.rejections.map((r: Rejection) => r.message)).toEqual([
      'orders.csv:3: expected 2 fields, got 1',
    ]);
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(readCsvColumns(['a\n1\n'], { batchRows: 0 })).rejects.toThrow(CodecOptionsError);
  });
});
