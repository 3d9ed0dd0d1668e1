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
import { scoreCustomersCsv } from './customers-csv.js';

// The customers files of the bad-input corpus through scoreCustomersCsv: the manifest's counts, one
// scored customer per kept row, every rejection named by file and line.

async function score(entry: CorpusEntry) {
  const rejections: Rejection[] = [];
  const run = await scoreCustomersCsv(inPieces(corpusBytes(entry), 7), {
    file: entry.file,
    ...entry.options,
    onRejected: (rejection) => rejections.push(rejection),
  });
  let scored = 0;
  for await (const _ of run.customers) scored++;
  return { scored, rejections, report: reportCounts(run.report()) };
}

describe('the customers corpus through scoreCustomersCsv', () => {
  it.each(corpusEntries('customers').map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const expected = entry.expected.transform;
    if (isRefusal(expected)) {
      await expect(score(entry)).rejects.toMatchObject({ name: expected.refused });
      return;
    }
    const { scored, rejections, report } = await score(entry);
    expect(report).toEqual(countsOf(expected, entry.file));
    expect(scored).toBe(report.kept);
    for (const { position } of rejections) expect(position).toMatchObject({ kind: 'file', file: entry.file });
  });
});
