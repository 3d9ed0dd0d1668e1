// How the transform tests run a corpus file: fed in small pieces with the entry's reader options,
// every rejection collected, and held to the manifest's `transform` outcome.
import { expect, it } from 'vitest';
import type { Rejection } from '../../src/outcome/outcome.js';
import {
  type CorpusCounts,
  type CorpusEntry,
  corpusBytes,
  corpusEntries,
  countsOf,
  inPieces,
  isRefusal,
} from './corpus.js';

/** A corpus file as a streaming transform is given it: 7-byte pieces, its options, its rejections collected. */
export function corpusFeed(entry: CorpusEntry) {
  const rejections: Rejection[] = [];
  const options = {
    ...entry.options,
    file: entry.file,
    onRejected: (r: Rejection) => void rejections.push(r),
  };
  return { pieces: inPieces(corpusBytes(entry), 7), options, rejections };
}

/**
 * One test per file of `domain`: a file the manifest says the transform refuses must reject with that
 * error's name; any other, read by `read`, reports the manifest's counts, names the file in every
 * rejection, and passes `check`.
 */
export function itReadsEachFile<T extends { report: CorpusCounts; rejections: Rejection[] }>(
  domain: CorpusEntry['domain'],
  read: (entry: CorpusEntry) => Promise<T>,
  check: (ran: T, entry: CorpusEntry) => void,
): void {
  it.each(corpusEntries(domain).map((entry) => [entry.file, entry] as const))('%s', async (_, entry) => {
    const expected = entry.expected.transform;
    if (isRefusal(expected)) {
      await expect(read(entry)).rejects.toMatchObject({ name: expected.refused });
      return;
    }
    const ran = await read(entry);
    expect(ran.report).toEqual(countsOf(expected, entry.file));
    for (const { position } of ran.rejections)
      expect(position).toMatchObject({ kind: 'file', file: entry.file });
    check(ran, entry);
  });
}
