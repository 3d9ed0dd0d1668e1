import { describe, expect } from 'vitest';
import { type CorpusEntry, reportCounts } from '../../../core/test/csv-corpus/corpus.js';
import { corpusFeed, itReadsEachFile } from '../../../core/test/csv-corpus/transform-runs.js';
import { detectBotsFromCsv } from './detect-bots-csv.js';

// The events files of the bad-input corpus through detectBotsFromCsv: the manifest's counts, and
// every rejection streamed out with its file and line.

async function detect(entry: CorpusEntry) {
  const { pieces, options, rejections } = corpusFeed(entry);
  const run = await detectBotsFromCsv(pieces, options);
  return { rejections, report: reportCounts(run.report) };
}

describe('the events corpus through detectBotsFromCsv', () => {
  itReadsEachFile('events', detect, ({ rejections, report }) => {
    expect(rejections).toHaveLength(
      report.read - report.kept - Object.values(report.dropped).reduce((a, n) => a + n, 0),
    );
  });
});
