import { RunTally } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { runReportEmf } from './run-report.js';

describe('runReportEmf', () => {
  it('turns a run report into record counts, duration and per-reason counts', () => {
    const tally = new RunTally({ now: () => 1_000 });
    tally.keep(7);
    tally.drop('stale', 2);
    tally.reject('invalid-date');
    const [line, ...more] = runReportEmf(
      { ...tally.report(), durationMs: 250 },
      {
        namespace: 'Sluice',
        dimensions: { Pipeline: 'orders-dashboard', Stage: 'filter' },
        timestamp: 1_700_000_000_000,
      },
    );
    expect(more).toEqual([]);
    const doc = JSON.parse(line ?? '');
    expect(doc).toMatchObject({
      Pipeline: 'orders-dashboard',
      Stage: 'filter',
      RecordsRead: 10,
      RecordsKept: 7,
      RecordsDropped: 2,
      RecordsRejected: 1,
      DurationMs: 250,
      'RecordsDropped.stale': 2,
      'RecordsRejected.invalid-date': 1,
    });
    expect(doc._aws.CloudWatchMetrics[0].Dimensions).toEqual([['Pipeline', 'Stage']]);
    expect(doc._aws.CloudWatchMetrics[0].Metrics).toContainEqual({
      Name: 'DurationMs',
      Unit: 'Milliseconds',
    });
  });
});
