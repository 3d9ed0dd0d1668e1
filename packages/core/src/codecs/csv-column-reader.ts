import type { Rejection } from '../outcome/outcome.js';
import type { RunReport } from '../outcome/report.js';
import { type CsvColumnBatch, CsvColumnBatcher } from './csv-column-batcher.js';
import type { CsvInput } from './csv-input.js';
import { type CsvLineTerminator, type CsvReadOptions, openCsvScan } from './csv-scan.js';
import { CodecOptionsError } from './errors.js';

export type { CsvColumnBatch } from './csv-column-batcher.js';

/** How {@link readCsvColumns} reads a file: as every CSV reader does, in batches of `batchRows`. */
export interface CsvColumnReadOptions extends CsvReadOptions {
  /** Rows per batch (default 4096); the last batch may hold fewer. */
  batchRows?: number;
}

/** A CSV file read by columns: its header, known up front, and batches read as they are iterated. */
export interface CsvColumnSource {
  /** Header names, trimmed unless `trimHeaders` is false; `columns[c]` holds column `header[c]`. */
  header: string[];
  /** The header's exact text (no BOM, no terminator). */
  headerRaw: string;
  /** The header's line terminator (`'\n'` if it has none). */
  lineTerminator: CsvLineTerminator;
  /** Batches of rows and rejections, in input order; a batch may hold only rejections. Iterate once. */
  batches: AsyncIterable<CsvColumnBatch>;
  /** Once `batches` was read to the end: lines, rows (kept) and rejections counted. */
  report(): RunReport;
}

/**
 * Reads a CSV file into column batches: the rows, lines and rejections {@link openCsv} gives
 * (same scanner, quoting, encodings and limits), without an array or object per row. For
 * writers that take columns, such as Parquet.
 *
 * @example
 * const csv = await readCsvColumns(createReadStream('orders.csv'), { file: 'orders.csv' });
 * const amount = findColumn(csv.header, ['amount']);
 * for await (const batch of csv.batches) {
 *   for (let row = 0; row < batch.length; row++) total += Number(batch.columns[amount]?.[row]);
 *   quarantine.push(...batch.rejections);
 * }
 */
export async function readCsvColumns(
  input: CsvInput,
  options: CsvColumnReadOptions = {},
): Promise<CsvColumnSource> {
  const { batchRows = 4096, ...readOptions } = options;
  if (!Number.isSafeInteger(batchRows) || batchRows < 1) {
    throw new CodecOptionsError(
      `invalid CSV options: batchRows: expected a positive integer, got ${batchRows}`,
    );
  }
  const scan = await openCsvScan(input, readOptions);
  const batcher = new CsvColumnBatcher(scan.header.length, batchRows);
  const rules = {
    line: batcher.lineRule,
    record: batcher.recordRule,
  };
  const onRejected = (rejection: Rejection) => batcher.reject(rejection);
  async function* batches(): AsyncGenerator<CsvColumnBatch> {
    scan.start(rules, { onRejected });
    try {
      yield* batcher.take();
      while (await scan.step()) yield* batcher.take();
      yield* batcher.take(true);
    } finally {
      await scan.close();
    }
  }
  const { header, headerRaw, lineTerminator } = scan;
  return { header, headerRaw, lineTerminator, batches: batches(), report: () => scan.report() };
}
