import type { Rejection } from '@sluice/core/outcome';
import { describe, expect, it } from 'vitest';
import {
  corpusBytes,
  corpusEntries,
  countsOf,
  inPieces,
  isRefusal,
  reportCounts,
} from '../../../core/test/csv-corpus/corpus.js';
import type { CorpusEntry } from '../../../core/test/csv-corpus/manifest.js';
import { detectBotsFromCsv } from './detect-bots-csv.js';

// The events files of the bad-input corpus through detectBotsFromCsv: the manifest's counts, and
// every rejection streamed out with its file and line.

async function detect(entry: CorpusEntry) {
  const rejections: Rejection[] = [];
  const run = await detectBotsFromCsv(inPieces(corpusBytes(entry), 7), {
    file: entry.file,
    ...entry.options,
    onRejected: (rejection) => rejections.push(rejection),
  });
  return { rejections, report: reportCounts(run.report) };
}

describe('the events corpus through detectBotsFromCsv', () => {
  it.each(corpusEntries('events').map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const expected = entry.expected.transform;
    if (isRefusal(expected)) {
      await expect(detect(entry)).rejects.toMatchObject({ name: expected.refused });
      return;
    }
    const { rejections, report } = await detect(entry);
    expect(report).toEqual(countsOf(expected, entry.file));
    expect(rejections).toHaveLength(
      report.read - report.kept - Object.values(report.dropped).reduce((a, n) => a + n, 0),
    );
    for (const { position } of rejections) expect(position).toMatchObject({ kind: 'file', file: entry.file });
  });
});
