import * as z from 'zod/mini';
import type { SourceRecord } from '../outcome/outcome.js';
import { iterateBatches } from './batch-iteration.js';
import { type CsvRecord, CsvScanner } from './csv-scanner.js';
import { CodecOptionsError, CsvHeaderError } from './errors.js';
import { decodeText, type TextEncodingName } from './text-decoding.js';

/** How {@link openCsv} reads a file. */
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

/** An open CSV file: its header, known up front, and its records, read as they are iterated. */
export interface CsvSource {
  /** Header names, trimmed unless `trimHeaders` is false. */
  header: string[];
  /** The header's exact text (no BOM, no terminator). */
  headerRaw: string;
  /** The first line terminator seen (`'\n'` if none). */
  lineTerminator: '\n' | '\r\n';
  /**
   * Data records, positioned `{kind: 'file', file, line}`, or rejections: `ragged-row`,
   * `field-too-large`, `record-too-large`, `unterminated-quote`. Iterate once.
   */
  records: AsyncIterable<SourceRecord<CsvRecord>>;
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

/**
 * Opens a streaming CSV reader (RFC 4180: quoted commas, doubled quotes and line breaks; LF,
 * CRLF or both; BOM removed; blank lines skipped). Resolves once the header is read; the records
 * are then read as `records` is iterated, so memory stays bounded whatever the input size.
 * Bad rows become rejections with their line; they never end the run.
 *
 * @example
 * const csv = await openCsv(createReadStream('orders.csv'), { file: 'orders.csv' });
 * const status = findColumn(csv.header, ['status', 'orderstatus']);
 * for await (const record of csv.records) {
 *   if (record.ok) console.log(record.value.line, record.value.fields[status]);
 *   else quarantine.push(record.rejection);
 * }
 */
export async function openCsv(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): Promise<CsvSource> {
  const settings = readSettings(options);
  const scanner = new CsvScanner(settings);
  const texts = decodeText(input, options.encoding ?? 'auto')[Symbol.asyncIterator]();
  const start = await readHeader(scanner, texts, settings.file);
  const header = scanner.header ?? [];
  return {
    header: options.trimHeaders === false ? header : header.map((name) => name.trim()),
    headerRaw: scanner.headerRaw,
    lineTerminator: scanner.lineTerminator ?? '\n',
    records: readRecords(scanner, texts, start),
  };
}

function readSettings(options: CsvReadOptions) {
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

/** Feeds text until the header is known; returns what was read past it and whether input ended. */
async function readHeader(scanner: CsvScanner, texts: AsyncIterator<string>, file: string) {
  let ended = false;
  let pending: SourceRecord<CsvRecord>[] = [];
  while (scanner.header === undefined && !ended) {
    const next = await texts.next();
    if (next.done) {
      scanner.finish();
      ended = true;
    } else scanner.feed(next.value);
    pending = scanner.take();
    // A rejection before the header is known, or on its line, means the header is unreadable;
    // later ones (a ragged first row read in the same chunk) are ordinary row rejections.
    const first = pending[0];
    if (first && !first.ok) {
      const line = first.rejection.position?.kind === 'file' ? first.rejection.position.line : 1;
      if (scanner.header === undefined || line <= scanner.headerLine) {
        throw new CsvHeaderError(`cannot read the header of ${file}: ${first.rejection.message}`, file, line);
      }
    }
  }
  return { ended, pending };
}

function readRecords(
  scanner: CsvScanner,
  texts: AsyncIterator<string>,
  start: { ended: boolean; pending: SourceRecord<CsvRecord>[] },
): AsyncIterable<SourceRecord<CsvRecord>> {
  let ended = start.ended;
  const nextBatch = async () => {
    if (ended) return undefined;
    const next = await texts.next();
    if (next.done) {
      scanner.finish();
      ended = true;
    } else scanner.feed(next.value);
    return scanner.take();
  };
  return iterateBatches(start.pending, nextBatch, async () => texts.return?.());
}
