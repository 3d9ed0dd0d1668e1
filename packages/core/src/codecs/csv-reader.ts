import type { SourceRecord } from '../outcome/outcome.js';
import type { RunReport } from '../outcome/report.js';
import { iterateBatches } from './batch-iteration.js';
import type { CsvInput } from './csv-input.js';
import type { CsvRecord } from './csv-line.js';
import { type CsvLineTerminator, type CsvReadOptions, type CsvScan, openCsvScan } from './csv-scan.js';

/** How {@link openCsv} reads: as every CSV reader does, optionally with each record's text. */
export interface CsvOpenOptions extends CsvReadOptions {
  /** When true each record carries its exact source text in `raw` (default false). */
  keepRaw?: boolean;
}

/** An open CSV file: its header, known up front, and its records, read as they are iterated. */
export interface CsvSource {
  /** Header names, trimmed unless `trimHeaders` is false. */
  header: string[];
  /** The header's exact text (no BOM, no terminator). */
  headerRaw: string;
  /** The header's line terminator (`'\n'` if it has none). */
  lineTerminator: CsvLineTerminator;
  /** The input began with a byte-order mark. */
  bom: boolean;
  /**
   * Data records, positioned `{kind: 'file', file, line}`, or rejections: `ragged-row`,
   * `record-too-large`, `unterminated-quote`. Iterate once.
   */
  records: AsyncIterable<SourceRecord<CsvRecord>>;
  /**
   * Once `records` was read to the end: physical lines, and the reader's own count of records
   * (every record yielded is `kept`; blank lines are `dropped: { 'blank-line': n }`).
   */
  report(): RunReport;
  /** Index of a column by normalised name (see `findColumn`); two such columns are an error. */
  column(candidates: readonly string[]): number;
}

/**
 * Opens a streaming CSV reader (RFC 4180: quoted delimiters, doubled quotes and line breaks;
 * LF, CRLF or lone CR; BOM removed; UTF-16 transcoded; stray Windows-1252 bytes decoded).
 * Resolves once the header is read; records are read as `records` is iterated, so memory stays
 * bounded whatever the input size. Bad records become rejections with their line; an open quote
 * costs only its own line. They never end the run.
 *
 * @example
 * const csv = await openCsv(createReadStream('orders.csv'), { file: 'orders.csv' });
 * const status = csv.column(['status', 'orderstatus']);
 * for await (const record of csv.records) {
 *   if (record.ok) console.log(record.value.line, record.value.fields[status]);
 *   else quarantine.push(record.rejection);
 * }
 */
export async function openCsv(input: CsvInput, options: CsvOpenOptions = {}): Promise<CsvSource> {
  const { keepRaw = false, ...readOptions } = options;
  const scan = await openCsvScan(input, readOptions);
  return {
    header: scan.header,
    headerRaw: scan.headerRaw,
    lineTerminator: scan.lineTerminator,
    bom: scan.bom,
    records: readRecords(scan, keepRaw),
    report: () => scan.report(),
    column: (candidates) => scan.column(candidates),
  };
}

function readRecords(scan: CsvScan, keepRaw: boolean): AsyncIterable<SourceRecord<CsvRecord>> {
  let found: SourceRecord<CsvRecord>[] = [];
  const file = scan.file;
  const take = () => {
    const batch = found;
    found = [];
    return batch;
  };
  let started = false;
  const nextBatch = async () => {
    if (!started) {
      started = true;
      scan.start(
        {
          record: (value) => {
            found.push({ ok: true, value, position: { kind: 'file', file, line: value.line } });
            return 'keep';
          },
        },
        { keepRaw, onRejected: (rejection) => found.push({ ok: false, rejection }) },
      );
      return take();
    }
    const more = await scan.step();
    const batch = take();
    return more || batch.length > 0 ? batch : undefined;
  };
  return iterateBatches([], nextBatch, () => scan.close());
}
