import type { Rejection } from '@sluice/core/outcome';
import { describe, expect } from 'vitest';
import {
  CORPUS,
  type CorpusEntry,
  corpusBytes,
  physicalLines,
  readerBody,
  reportCounts,
} from '../../../core/test/csv-corpus/corpus.js';
import { corpusFeed, itReadsEachFile } from '../../../core/test/csv-corpus/transform-runs.js';
import { openStaleOrderRun } from './filter-stale-orders.js';

// The orders files of the bad-input corpus through filterStaleOrders (bytes decide where they
// suffice) and through the field-only path: the same bytes out, the same report and rejections, and
// both the manifest's. Kept rows leave as the bytes they came in as.

async function staleOrderRun(entry: CorpusEntry, fromBytes: boolean) {
  const { pieces, options, rejections } = corpusFeed(entry);
  const run = await openStaleOrderRun(pieces, { ...CORPUS.orders, ...options }, fromBytes);
  const output: Uint8Array[] = [];
  for await (const bytes of run.csv) output.push(bytes);
  expect(run.rejections).toEqual([]); // given onRejected, the run holds none
  return { output: Buffer.concat(output), report: reportCounts(run.report()), rejections };
}

/**
 * Checks that `output` is the input's header and kept lines, byte for byte: its lines are input lines
 * in input order, the header (the first line not blank) first, none of them a rejected line.
 */
function expectInputLines(entry: CorpusEntry, output: Buffer, rejections: Rejection[], kept: number) {
  const { body, bom } = readerBody(corpusBytes(entry));
  const input = physicalLines(body);
  const rejected = new Set<number>();
  for (const { position } of rejections)
    if (position?.kind === 'file')
      for (let line = position.line; line <= (position.endLine ?? position.line); line++) rejected.add(line);
  const out = physicalLines(bom ? output.subarray(3) : output);
  if (bom) expect([...output.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const blank = (line: Buffer | undefined) => line !== undefined && /^[\r\n]+$/.test(line.toString('latin1'));
  let at = 0;
  while (blank(input[at])) at++; // blank lines before the header are dropped
  for (const [i, line] of out.entries()) {
    while (at < input.length && (rejected.has(at + 1) || !input[at]?.equals(line))) {
      if (i === 0) expect.fail(`${entry.file}: the output does not start with the header line`);
      at++;
    }
    expect(at, `${entry.file}: output line ${i + 1} is not an input line, in order`).toBeLessThan(
      input.length,
    );
    at++;
  }
  expect(out.length).toBeGreaterThanOrEqual(1 + kept);
}

/** Both paths over one file; a file they refuse, each refuses with the same error. */
async function bothPaths(entry: CorpusEntry) {
  const [fast, general] = await Promise.allSettled([staleOrderRun(entry, true), staleOrderRun(entry, false)]);
  if (fast.status === 'fulfilled' && general.status === 'fulfilled')
    return {
      fast: fast.value,
      general: general.value,
      report: fast.value.report,
      rejections: fast.value.rejections,
    };
  const refused = (run: PromiseSettledResult<unknown>): run is PromiseRejectedResult =>
    run.status === 'rejected';
  const name = (run: PromiseSettledResult<unknown>) => (refused(run) ? run.reason.name : 'ran');
  expect(name(general), entry.file).toBe(name(fast));
  throw [fast, general].find(refused)?.reason;
}

describe('the orders corpus through filterStaleOrders and the field-only path', () => {
  itReadsEachFile('orders', bothPaths, ({ fast, general }, entry) => {
    expect(general.report).toEqual(fast.report);
    expect(general.rejections).toEqual(fast.rejections);
    expect(general.output.equals(fast.output)).toBe(true);
    expectInputLines(entry, fast.output, fast.rejections, fast.report.kept);
    for (const rejection of fast.rejections) {
      expect(rejection.message).toMatch(
        new RegExp(`^${entry.file}:${rejection.position?.kind === 'file' && rejection.position.line}: `),
      );
    }
  });
});
