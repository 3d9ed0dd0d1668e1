import type { SourceRecord } from '../outcome/outcome.js';
import { iterateBatches } from './batch-iteration.js';
import { type CsvReadOptions, openScanner } from './csv-opening.js';
import { CsvRecordList } from './csv-row-collector.js';
import type { CsvRecord, CsvScanner } from './csv-scanner.js';

export type { CsvReadOptions } from './csv-opening.js';

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
  const { scanner, rows, texts, ended, ...head } = await openScanner(
    input,
    options,
    (settings) => new CsvRecordList(settings),
  );
  return { ...head, records: readRecords(scanner, rows, texts, ended) };
}

function readRecords(
  scanner: CsvScanner,
  rows: CsvRecordList,
  texts: AsyncIterator<string>,
  ended: boolean,
): AsyncIterable<SourceRecord<CsvRecord>> {
  const nextBatch = async () => {
    if (ended) return undefined;
    const next = await texts.next();
    if (next.done) {
      scanner.finish();
      ended = true;
    } else scanner.feed(next.value);
    return rows.take();
  };
  return iterateBatches(rows.take(), nextBatch, async () => texts.return?.());
}
