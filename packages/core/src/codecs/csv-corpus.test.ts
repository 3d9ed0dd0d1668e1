import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_CASES } from '../../test/csv-corpus/cases.js';
import {
  CORPUS,
  corpusBytes,
  countsOf,
  inPieces,
  isRefusal,
  physicalLines,
  readerBody,
  reportCounts,
} from '../../test/csv-corpus/corpus.js';
import { readmeWithTable, tableCells } from '../../test/csv-corpus/generate.js';
import { buildManifest, type CorpusEntry } from '../../test/csv-corpus/manifest.js';
import type { Rejection } from '../outcome/outcome.js';
import { openCsvScan } from './csv-scan.js';

// The bad-input corpus (packages/core/test/csv-corpus) through the one reader, keeping every record:
// the counts are the manifest's, the lines are counted here independently, and header + record spans
// partition them, whatever the chunking.

const CHUNKS = [1, 7, 64 * 1024];

async function keepAll(entry: CorpusEntry, chunk: number) {
  const scan = await openCsvScan(inPieces(corpusBytes(entry), chunk), { file: entry.file, ...entry.options });
  const owners = new Map<number, string>();
  const claim = (from: number, to: number, who: string) => {
    for (let line = from; line <= to; line++) {
      expect(owners.get(line), `${entry.file}:${line} is in ${owners.get(line)} and ${who}`).toBeUndefined();
      owners.set(line, who);
    }
  };
  if (scan.headerLines[0] > 0) claim(scan.headerLines[0], scan.headerLines[1], 'header');
  const rejections: Rejection[] = [];
  const output: Buffer[] = [];
  const run = scan.run(
    { record: () => 'keep' },
    {
      output: true,
      onRejected: (r) => rejections.push(r),
      onSpan: (from, to, outcome) => claim(from, to, outcome),
    },
  );
  for await (const bytes of run) output.push(bytes);
  return {
    report: reportCounts(scan.report()),
    owners,
    output: Buffer.concat(output),
    rejections,
    bom: scan.bom,
  };
}

describe('the corpus through the reader', () => {
  it.each(CORPUS.files.map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const expected = entry.expected.reader;
    if (isRefusal(expected)) {
      for (const chunk of CHUNKS)
        await expect(keepAll(entry, chunk), `chunks of ${chunk}`).rejects.toMatchObject({
          name: expected.refused,
        });
      return;
    }
    const runs = await Promise.all(CHUNKS.map((chunk) => keepAll(entry, chunk)));
    const [first] = runs;
    if (!first) throw new Error('no run');
    expect(first.report).toEqual(countsOf(expected, entry.file));
    for (const run of runs.slice(1)) {
      expect(run.report).toEqual(first.report);
      expect(run.rejections).toEqual(first.rejections);
      expect(run.output.equals(first.output)).toBe(true);
    }
    const { body, bom } = readerBody(corpusBytes(entry));
    const lines = physicalLines(body);
    expect(first.report.lines).toBe(lines.length);
    expect([...first.owners.keys()].sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
    expect(first.bom).toBe(bom);
    // Keeping everything, the output is the header and every kept record: the input less what was not kept.
    const kept = lines.filter((_, i) => ['header', 'kept'].includes(first.owners.get(i + 1) ?? ''));
    const bomBytes = bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
    expect(first.output.equals(Buffer.concat([bomBytes, ...kept]))).toBe(true);
    for (const rejection of first.rejections)
      expect(rejection.position).toMatchObject({ kind: 'file', file: entry.file, line: expect.any(Number) });
  });
});

describe('the corpus as committed', () => {
  it('holds the bytes, the manifest and the README table that cases.ts describes', () => {
    for (const c of CORPUS_CASES) expect(corpusBytes(c).equals(c.bytes), c.file).toBe(true);
    expect(CORPUS).toEqual(buildManifest());
    const readme = readFileSync(new URL('../../test/csv-corpus/README.md', import.meta.url), 'utf8');
    expect(tableCells(readme)).toEqual(tableCells(readmeWithTable(readme)));
  });

  it('has at least 80 files, each in one domain, each named after its domain', () => {
    expect(CORPUS.files.length).toBeGreaterThanOrEqual(80);
    for (const entry of CORPUS.files) expect(entry.file.startsWith(`${entry.domain}-`)).toBe(true);
  });
});
