import { encodeTextChunks } from './text-encoding.js';

/** A row to write: its fields, or `{raw}` text written verbatim (e.g. a kept row's source text). */
export type CsvOutputRow = readonly string[] | { raw: string };

/** How {@link encodeCsv} writes. */
export interface CsvWriteOptions {
  /** Default `'\n'`; pass the source's `lineTerminator` to reproduce a file byte for byte. */
  lineTerminator?: '\n' | '\r\n' | '\r';
  /** Start with a UTF-8 byte-order mark (default false). */
  bom?: boolean;
  /** Approximate size of the emitted chunks (default 64 KiB). */
  chunkBytes?: number;
  /** Field delimiter (default `','`). */
  delimiter?: string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

/**
 * Formats one CSV row without a terminator, quoting a field only when it must be: when it holds
 * the delimiter, a quote, CR or LF (and a lone empty field, which would otherwise be a blank line).
 *
 * @example formatCsvRow(['A-1', 'say "hi"', '3,50']) // 'A-1,"say ""hi""","3,50"'
 */
export function formatCsvRow(fields: readonly string[], delimiter = ','): string {
  if (fields.length === 1 && fields[0] === '') return '""';
  const delimiterCode = delimiter.charCodeAt(0);
  let row = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const text = needsQuotes(field, delimiterCode, i === 0) ? `"${field.replaceAll('"', '""')}"` : field;
    row = i === 0 ? text : row + delimiter + text;
  }
  return row;
}

function needsQuotes(field: string, delimiterCode: number, first: boolean): boolean {
  // A leading U+FEFF in the first field would be taken for a byte-order mark by readers.
  if (first && field.charCodeAt(0) === BOM) return true;
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    if (code === delimiterCode || code === QUOTE || code === CR || code === LF) return true;
  }
  return false;
}

/**
 * Encodes rows as UTF-8 CSV, emitted in chunks of about 64 KiB. `{raw}` rows are written as given,
 * so rows kept from a source (read with `keepRaw`) come out byte-identical to the input.
 *
 * @example
 * const csv = await openCsv(input, { keepRaw: true });
 * const rows = async function* () {
 *   yield { raw: csv.headerRaw };
 *   for await (const r of csv.records) if (r.ok && keep(r.value)) yield { raw: r.value.raw! };
 * };
 * await store.put('processed/orders.csv', encodeCsv(rows(), { lineTerminator: csv.lineTerminator }));
 */
export function encodeCsv(
  rows: AsyncIterable<CsvOutputRow> | Iterable<CsvOutputRow>,
  options: CsvWriteOptions = {},
): AsyncIterable<Uint8Array> {
  return encodeTextChunks(csvLines(rows, options), options.chunkBytes);
}

async function* csvLines(
  rows: AsyncIterable<CsvOutputRow> | Iterable<CsvOutputRow>,
  options: CsvWriteOptions,
): AsyncGenerator<string> {
  const terminator = options.lineTerminator ?? '\n';
  const delimiter = options.delimiter ?? ',';
  if (options.bom) yield '\uFEFF';
  for await (const row of rows) {
    yield ('raw' in row ? row.raw : formatCsvRow(row, delimiter)) + terminator;
  }
}
