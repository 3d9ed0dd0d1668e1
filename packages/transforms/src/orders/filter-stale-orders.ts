import type { CsvColumnBatcher, CsvInput } from '@sluice/core/codecs';
import { openCsvScan } from '@sluice/core/codecs';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { RunNotFinishedError } from './errors.js';
import type { OrderColumnNames } from './order-columns.js';
import { findOrderColumns } from './order-columns.js';
import { orderRules } from './order-rules.js';
import type { StaleOrderRuleOptions } from './stale-order-rule.js';
import { staleOrderRule } from './stale-order-rule.js';

/** Options of {@link filterStaleOrders}: the rule's options plus how to read the file. */
export interface FilterStaleOrdersOptions extends StaleOrderRuleOptions {
  /** Name used in positions and messages (default `'input.csv'`). */
  file?: string;
  /** Header names overriding the status / order-date candidates. */
  columns?: OrderColumnNames;
  /** How values are decoded (default `'auto'`); kept rows are copied as bytes whatever it is. */
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  delimiter?: string;
  /** Longest record in bytes (default 1 MiB). */
  maxRecordBytes?: number;
  /**
   * Receives each rejection as it happens. Without it rejections are collected in the run's
   * `rejections`, which then grows with them: pass it for inputs of unknown size.
   */
  onRejected?: (rejection: Rejection) => void;
  /** Also collects every kept row into column batches (for Parquet), from the same read. */
  keptColumns?: CsvColumnBatcher;
  /** Awaited after each input chunk: where collected rejections and batches go to slower writers. */
  afterChunk?: () => void | Promise<void>;
  /**
   * The chunks of `csv` are written over once the next one is asked for (default false): for a
   * caller done with each chunk first, such as a file written synchronously; memory then holds a
   * few chunks instead of every spent one until the garbage collector runs.
   */
  reuseOutput?: boolean;
}

/** An open stale-order run. Reading `csv` to the end drives it; nothing runs before. */
export interface StaleOrderRun {
  /** The source header (trimmed names), for callers that need the columns. */
  header: string[];
  /** The header and the kept rows, byte for byte as in the input (a BOM stays a BOM). */
  csv: AsyncIterable<Uint8Array>;
  /** The rejections seen so far, in source order (empty when `onRejected` is given). */
  rejections: Rejection[];
  /** The run's accounting, `lines` included; throws {@link RunNotFinishedError} until `csv` was read. */
  report(): RunReport;
}

/**
 * Streams a CSV of orders and drops the stale ones (§4.1): pending or cancelled orders more than
 * `maxAgeDays` (30) days older than `asOf`. Rows without a status or a readable date are rejected
 * with their file and line. Kept rows leave as the bytes they came in as: the common row is decided
 * from its bytes, any other (quoted, non-ISO date, odd status) through the general rule, with the
 * same outcome. Memory holds one chunk and one record, whatever the input size.
 *
 * @example
 * const run = await filterStaleOrders(await store.get('raw/orders.csv'), {
 *   file: 'raw/orders.csv',
 *   asOf: '2025-06-30',
 *   onRejected: (rejection) => quarantine.push(rejection),
 * });
 * await store.put('processed/orders.csv', run.csv);
 * console.log(run.report()); // { read: 200, kept: 143, dropped: { stale: 57 }, rejected: {}, lines: 201, ... }
 */
export function filterStaleOrders(
  input: CsvInput,
  options: FilterStaleOrdersOptions = {},
): Promise<StaleOrderRun> {
  return openStaleOrderRun(input, options, true);
}

/** {@link filterStaleOrders}, with the byte rule on or off (off: every record decided from its fields). */
export async function openStaleOrderRun(
  input: CsvInput,
  options: FilterStaleOrdersOptions,
  fromBytes: boolean,
): Promise<StaleOrderRun> {
  const file = options.file ?? 'input.csv';
  const rule = staleOrderRule(options);
  const { encoding = 'auto', delimiter, maxRecordBytes, now } = options;
  // An empty delimiter or a zero limit is no choice: the reader's default applies.
  const read = { delimiter: delimiter || undefined, maxRecordBytes: maxRecordBytes || undefined, now };
  const scan = await openCsvScan(input, { file, encoding, ...read });
  const columns = await scan.closedOnError(() => findOrderColumns(scan.header, file, options.columns));
  const rejections: Rejection[] = [];
  const onRejected = options.onRejected ?? ((rejection: Rejection) => rejections.push(rejection));
  const rules = orderRules(scan.header, columns, rule, options.keptColumns, { fromBytes });
  let finished = false;
  async function* csv(): AsyncGenerator<Uint8Array> {
    const afterChunk = options.afterChunk;
    const reuseOutput = options.reuseOutput === true;
    yield* scan.run(rules, { output: true, reuseOutput, onRejected, ...(afterChunk ? { afterChunk } : {}) });
    finished = true;
  }
  return {
    header: scan.header,
    csv: csv(),
    rejections,
    report: () => {
      if (!finished) throw new RunNotFinishedError(file);
      return scan.report();
    },
  };
}
