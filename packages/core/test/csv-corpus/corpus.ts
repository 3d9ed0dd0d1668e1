// What the corpus tests share: the manifest, each file's bytes, and an account of a file's lines
// made independently of the reader.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusCounts, CorpusEntry, CorpusManifest, CorpusOutcome, CorpusRefusal } from './manifest.js';

export type { CorpusCounts, CorpusEntry, CorpusOutcome, CorpusRefusal } from './manifest.js';

/** The folder of the corpus files. */
export const CORPUS_FILES = fileURLToPath(new URL('files/', import.meta.url));

/** The manifest as committed. */
export const CORPUS: CorpusManifest = JSON.parse(
  readFileSync(new URL('manifest.json', import.meta.url), 'utf8'),
) as CorpusManifest;

/** The entries of one domain (or all). */
export function corpusEntries(domain?: CorpusEntry['domain']): CorpusEntry[] {
  return CORPUS.files.filter((entry) => domain === undefined || entry.domain === domain);
}

/** A corpus file's bytes. */
export function corpusBytes(entry: Pick<CorpusEntry, 'file'>): Buffer {
  return readFileSync(`${CORPUS_FILES}${entry.file}`);
}

export function isRefusal(outcome: CorpusOutcome | undefined): outcome is CorpusRefusal {
  return outcome !== undefined && 'refused' in outcome;
}

/** The counts a consumer must report for a file it reads (throws for a refused one: a test mistake). */
export function countsOf(outcome: CorpusOutcome | undefined, file: string): CorpusCounts {
  if (outcome === undefined || isRefusal(outcome)) throw new Error(`${file} is not read by this consumer`);
  return outcome;
}

/** The parts of a run report the manifest states. */
export function reportCounts(report: {
  read: number;
  kept: number;
  dropped: Record<string, number>;
  rejected: Record<string, number>;
  lines?: number;
}): CorpusCounts {
  const { read, kept, dropped, rejected, lines = -1 } = report;
  return { read, kept, dropped, rejected, lines };
}

/**
 * The text a reader should see, as UTF-8 bytes: a UTF-8 byte-order mark removed, UTF-16 with a
 * mark decoded (the mark with it); anything else as it is.
 */
export function readerBody(bytes: Buffer): { body: Buffer; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { body: bytes.subarray(3), bom: true };
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (utf16 === undefined) return { body: bytes, bom: false };
  return { body: Buffer.from(new TextDecoder(utf16).decode(bytes), 'utf8'), bom: true };
}

/** Physical lines, each with its terminator: LF, CRLF or a lone CR ends one; a last line may have none. */
export function physicalLines(body: Buffer): Buffer[] {
  const text = body.toString('latin1'); // one character per byte, so lengths are byte lengths
  return (text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? []).map((line) => Buffer.from(line, 'latin1'));
}

/** The same bytes in pieces of `size` (how a stream of any chunking delivers them). */
export function inPieces(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}
