import { describe, expect } from 'vitest';
import { type CorpusEntry, reportCounts } from '../../../core/test/csv-corpus/corpus.js';
import { corpusFeed, itReadsEachFile } from '../../../core/test/csv-corpus/transform-runs.js';
import { scoreCustomersCsv } from './customers-csv.js';

// The customers files of the bad-input corpus through scoreCustomersCsv: the manifest's counts, one
// scored customer per kept row, every rejection named by file and line.

async function score(entry: CorpusEntry) {
  const { pieces, options, rejections } = corpusFeed(entry);
  const run = await scoreCustomersCsv(pieces, options);
  let scored = 0;
  for await (const _ of run.customers) scored++;
  return { scored, rejections, report: reportCounts(run.report()) };
}

describe('the customers corpus through scoreCustomersCsv', () => {
  itReadsEachFile('customers', score, ({ scored, report }) => expect(scored).toBe(report.kept));
});
