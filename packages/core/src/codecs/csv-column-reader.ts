import { type CsvColumnBatch, CsvColumnCollector } from './csv-column-collector.js';
import { type CsvReadOptions, openScanner } from './csv-opening.js';
import type { CsvScanner } from './csv-scanner.js';
import { CodecOptionsError } from './errors.js';

export type { CsvColumnBatch } from './csv-column-collector.js';

/** How {@link readCsvColumns} reads a file: as {@link openCsv} does, in batches of `batchRows`. */
export interface CsvColumnReadOptions extends Omit<CsvReadOptions, 'keepRaw'> {
  /** Rows per batch (default 4096); the last batch may hold fewer. */
  batchRows?: number;
}

/** A CSV file read by columns: its header, known up front, and batches read as they are iterated. */
export interface CsvColumnSource {
  /** Header names, trimmed unless `trimHeaders` is false; `columns[c]` holds column `header[c]`. */
  header: string[];
  /** The header's exact text (no BOM, no terminator). */
  headerRaw: string;
  /** The first line terminator seen (`'\n'` if none). */
  lineTerminator: '\n' | '\r\n';
  /** Batches of rows and rejections, in input order; a batch may hold only rejections. Iterate once. */
  batches: AsyncIterable<CsvColumnBatch>;
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
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: CsvColumnReadOptions = {},
): Promise<CsvColumnSource> {
  const { batchRows = 4096, ...csvOptions } = options;
  if (!Number.isSafeInteger(batchRows) || batchRows < 1) {
    throw new CodecOptionsError(
      `invalid CSV options: batchRows: expected a positive integer, got ${batchRows}`,
    );
  }
  const { scanner, rows, texts, ended, ...head } = await openScanner(
    input,
    { ...csvOptions, keepRaw: false },
    (settings) => new CsvColumnCollector(settings, batchRows),
  );
  return { ...head, batches: readBatches(scanner, rows, texts, ended) };
}

async function* readBatches(
  scanner: CsvScanner,
  rows: CsvColumnCollector,
  texts: AsyncIterator<string>,
  ended: boolean,
): AsyncGenerator<CsvColumnBatch> {
  try {
    yield* rows.take();
    while (!ended) {
      const next = await texts.next();
      if (next.done) {
        scanner.finish();
        ended = true;
      } else scanner.feed(next.value);
      yield* rows.take();
    }
  } finally {
    // Leaving early (break, throw) releases the input, as openCsv does.
    if (!ended) await texts.return?.();
  }
}
