// What both CSV readers do before the first row: check the options, decode, read the header.
import * as z from 'zod/mini';
import type { CsvRowCollector } from './csv-row-collector.js';
import type { CsvScannerSettings } from './csv-scan-shape.js';
import { CsvScanner } from './csv-scanner.js';
import { CodecOptionsError, CsvHeaderError } from './errors.js';
import { decodeText, type TextEncodingName } from './text-decoding.js';

/** How {@link openCsv} and {@link readCsvColumns} read a file. */
export interface CsvReadOptions {
  /** Name used in positions and messages (default `'input'`). */
  file?: string;
  /** One character other than a quote, CR or LF (default `','`). */
  delimiter?: string;
  /** Default `'auto'`: UTF-8 where valid, Windows-1252 for stray bytes. */
  encoding?: TextEncodingName;
  /** Trim spaces around header names (default true; real exports have `" Purchase_Amount "`). */
  trimHeaders?: boolean;
  /**
   * Longest field, counted in characters of its source text (default 1 MiB). A longer field gets
   * its record rejected as `field-too-large`; the reader stops buffering it and skips to the record's end.
   */
  maxFieldBytes?: number;
  /** Longest record in characters (default 4 MiB); longer ones are rejected as `record-too-large`. */
  maxRecordBytes?: number;
  /** When true each record carries its exact source text in `raw` (default false). */
  keepRaw?: boolean;
}

/** A scanner past the header, with the text still to read. */
export interface OpenedCsv<Rows extends CsvRowCollector> {
  scanner: CsvScanner;
  rows: Rows;
  texts: AsyncIterator<string>;
  /** True when the input ended while the header was read. */
  ended: boolean;
  header: string[];
  headerRaw: string;
  lineTerminator: '\n' | '\r\n';
}

const MiB = 1024 * 1024;
const positiveInt = z.optional(z.int().check(z.positive()));
const optionsSchema = z.object({
  file: z.optional(z.string()),
  delimiter: z.optional(
    z.string().check(
      z.length(1),
      z.refine((d) => d !== '"' && d !== '\r' && d !== '\n', 'cannot be a quote, CR or LF'),
    ),
  ),
  encoding: z.optional(z.enum(['utf-8', 'windows-1252', 'auto'])),
  trimHeaders: z.optional(z.boolean()),
  maxFieldBytes: positiveInt,
  maxRecordBytes: positiveInt,
  keepRaw: z.optional(z.boolean()),
});

/** Checks the options, then reads until the header is known; `collect` makes the row collector. */
export async function openScanner<Rows extends CsvRowCollector>(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: CsvReadOptions,
  collect: (settings: CsvScannerSettings) => Rows,
): Promise<OpenedCsv<Rows>> {
  const settings = readSettings(options);
  const rows = collect(settings);
  const scanner = new CsvScanner(settings, rows);
  const texts = decodeText(input, options.encoding ?? 'auto')[Symbol.asyncIterator]();
  const ended = await readHeader(scanner, rows, texts, settings.file);
  const header = scanner.header ?? [];
  return {
    scanner,
    rows,
    texts,
    ended,
    header: options.trimHeaders === false ? header : header.map((name) => name.trim()),
    headerRaw: scanner.headerRaw,
    lineTerminator: scanner.lineTerminator ?? '\n',
  };
}

function readSettings(options: CsvReadOptions): CsvScannerSettings {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CodecOptionsError(`invalid CSV options: ${problems.join('; ')}`);
  }
  return {
    file: options.file ?? 'input',
    delimiter: options.delimiter ?? ',',
    maxFieldLength: options.maxFieldBytes ?? MiB,
    maxRecordLength: options.maxRecordBytes ?? 4 * MiB,
    keepRaw: options.keepRaw ?? false,
  };
}

/** Feeds text until the header is known; returns whether the input ended. */
async function readHeader(
  scanner: CsvScanner,
  rows: CsvRowCollector,
  texts: AsyncIterator<string>,
  file: string,
): Promise<boolean> {
  let ended = false;
  while (scanner.header === undefined && !ended) {
    const next = await texts.next();
    if (next.done) {
      scanner.finish();
      ended = true;
    } else scanner.feed(next.value);
    // A rejection before the header is known, or on its line, means the header is unreadable;
    // later ones (a ragged first row read in the same chunk) are ordinary row rejections.
    const first = rows.firstRejection();
    if (first) {
      const line = first.position?.kind === 'file' ? first.position.line : 1;
      if (scanner.header === undefined || line <= scanner.headerLine) {
        throw new CsvHeaderError(`cannot read the header of ${file}: ${first.message}`, file, line);
      }
    }
  }
  return ended;
}
