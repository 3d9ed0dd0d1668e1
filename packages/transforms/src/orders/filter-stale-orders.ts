import type { CsvOutputRow, CsvRecord, CsvSource } from '@sluice/core/codecs';
import { encodeCsv, openCsv } from '@sluice/core/codecs';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { RunTally } from '@sluice/core/outcome';
import { RunNotFinishedError } from './errors.js';
import type { OrderColumnNames, OrderColumns } from './order-columns.js';
import { findOrderColumns } from './order-columns.js';
import type { StaleOrderRule, StaleOrderRuleOptions } from './stale-order-rule.js';
import { classifyOrder, staleOrderRule } from './stale-order-rule.js';

/** Options of {@link filterStaleOrders}: the rule's options plus how to read the file. */
export interface FilterStaleOrdersOptions extends StaleOrderRuleOptions {
  /** Name used in positions and messages (default `'input.csv'`). */
  file?: string;
  /** Header names overriding the status / order-date candidates. */
  columns?: OrderColumnNames;
  /** Default `'auto'`: UTF-8, with stray Windows-1252 bytes decoded rather than mangled. */
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  delimiter?: string;
  /** Receives each rejection as it happens; when given, rejections are not buffered in the run. */
  onRejected?: (rejection: Rejection) => void;
}

/** An open stale-order run. Reading `csv` to the end drives it; nothing runs before. */
export interface StaleOrderRun {
  /** The source header (trimmed names), for callers that need the columns. */
  header: string[];
  /** The kept rows with the original header, values and line terminator, as UTF-8 bytes. */
  csv: AsyncIterable<Uint8Array>;
  /** The rejections seen so far, in source order (empty when `onRejected` is given). */
  rejections: Rejection[];
  /** The run's accounting; throws {@link RunNotFinishedError} until `csv` was read to the end. */
  report(): RunReport;
}

/**
 * Streams a CSV of orders and drops the stale ones (§4.1): pending or cancelled orders more than
 * `maxAgeDays` (30) days older than `asOf`. Rows without a status or a readable date are rejected
 * with their file and line. Memory stays bounded: rows flow from `input` to `csv` one at a time.
 *
 * @example
 * const run = await filterStaleOrders(await store.get('raw/orders.csv'), { file: 'raw/orders.csv', asOf: new Date() });
 * await store.put('processed/orders.csv', run.csv);
 * await store.put('quarantine/orders.jsonl', encodeJsonLines(run.rejections));
 * console.log(run.report()); // { read: 200, kept: 143, dropped: { stale: 57 }, rejected: {}, ... }
 */
export async function filterStaleOrders(
  input: AsyncIterable<Uint8Array | string>,
  options: FilterStaleOrdersOptions = {},
): Promise<StaleOrderRun> {
  const file = options.file ?? 'input.csv';
  const rule = staleOrderRule(options);
  const bom = { seen: false };
  const source = await openCsv(watchForBom(input, bom), readOptions(file, options));
  const columns = findOrderColumns(source.header, file, options.columns);
  const tally = new RunTally(options.now ? { now: options.now } : {});
  const rejections: Rejection[] = [];
  const reject = options.onRejected ?? ((rejection: Rejection) => rejections.push(rejection));
  let finished = false;
  const rows = async function* (): AsyncGenerator<CsvOutputRow> {
    yield { raw: source.headerRaw };
    yield* keptRows(source, columns, rule, { file, tally, reject });
    finished = true;
  };
  return {
    header: source.header,
    csv: encodeCsv(rows(), { lineTerminator: source.lineTerminator, bom: bom.seen }),
    rejections,
    report: () => {
      if (!finished) throw new RunNotFinishedError(file);
      return tally.report();
    },
  };
}

interface RunSinks {
  file: string;
  tally: RunTally;
  reject: (rejection: Rejection) => void;
}

async function* keptRows(
  source: CsvSource,
  columns: OrderColumns,
  rule: StaleOrderRule,
  sinks: RunSinks,
): AsyncGenerator<CsvOutputRow> {
  for await (const record of source.records) {
    if (!record.ok) {
      sinks.tally.reject(record.rejection.reason);
      sinks.reject(record.rejection);
      continue;
    }
    if (decide(record.value, source.header, columns, rule, sinks)) yield { raw: record.value.raw ?? '' };
  }
}

/** Accounts for one readable row; true when it is kept. */
function decide(
  record: CsvRecord,
  header: readonly string[],
  columns: OrderColumns,
  rule: StaleOrderRule,
  { file, tally, reject }: RunSinks,
): boolean {
  const status = record.fields[columns.status] ?? '';
  const orderDate = record.fields[columns.orderDate] ?? '';
  const outcome = classifyOrder({ status, orderDate }, rule);
  if (outcome.kind === 'kept') tally.keep();
  else if (outcome.kind === 'dropped') tally.drop(outcome.reason);
  else {
    tally.reject(outcome.reason);
    const column = header[outcome.reason === 'missing-status' ? columns.status : columns.orderDate];
    const position = { kind: 'file' as const, file, line: record.line, ...(column ? { column } : {}) };
    const message = `${file}:${record.line}: column ${column}: ${outcome.message}`;
    reject({ reason: outcome.reason, message, position, ...(record.raw ? { raw: record.raw } : {}) });
  }
  return outcome.kind === 'kept';
}

function readOptions(file: string, options: FilterStaleOrdersOptions) {
  return {
    file,
    keepRaw: true,
    encoding: options.encoding ?? 'auto',
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
  };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Notes whether the input starts with a byte-order mark (the reader removes it) to write it back. */
async function* watchForBom(
  input: AsyncIterable<Uint8Array | string>,
  bom: { seen: boolean },
): AsyncGenerator<Uint8Array | string> {
  let matched = 0; // leading bytes that matched the mark so far, across chunk boundaries
  let deciding = true;
  for await (const chunk of input) {
    if (deciding && typeof chunk === 'string') {
      bom.seen = chunk.charCodeAt(0) === 0xfeff;
      deciding = chunk.length === 0;
    }
    for (let i = 0; deciding && typeof chunk !== 'string' && i < chunk.length; i++) {
      deciding = chunk[i] === UTF8_BOM[matched] && ++matched < UTF8_BOM.length;
      bom.seen = matched === UTF8_BOM.length;
    }
    yield chunk;
  }
}
