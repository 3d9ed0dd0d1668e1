import type { CsvRecord } from '@sluice/core/codecs';
import type { RunTally, SourceRecord } from '@sluice/core/outcome';
import type { CustomerValueOptions } from './customer-value.js';
import { scoreCustomerValue } from './customer-value.js';
import type { ScoredCustomer } from './schema.js';

/** Options of {@link scoreCustomerRows}. */
export interface CustomerRowsOptions extends CustomerValueOptions {
  /** Name used in positions and messages (default `'input.csv'`). */
  file?: string;
  /** Counts each row's outcome, for the run report. */
  tally?: RunTally;
}

/**
 * Scores the rows of an open CSV (see `openCsv` of `@sluice/core`, whose `'auto'` encoding reads
 * the export's stray Windows-1252 bytes). Yields each scored customer, or a rejection naming the
 * file, line and column; reader rejections (ragged rows) pass through. Rows flow one at a time.
 *
 * @example
 * const tally = new RunTally();
 * const csv = await openCsv(await store.get(key), { file: key, encoding: 'auto' });
 * for await (const row of scoreCustomerRows(csv, { file: key, tally })) {
 *   if (row.ok) scored.push(row.value); else quarantine.push(row.rejection);
 * }
 */
export async function* scoreCustomerRows(
  csv: { header: readonly string[]; records: AsyncIterable<SourceRecord<CsvRecord>> },
  options: CustomerRowsOptions = {},
): AsyncGenerator<SourceRecord<ScoredCustomer>> {
  const file = options.file ?? 'input.csv';
  for await (const record of csv.records) {
    const scored = record.ok ? scoreRecord(record.value, csv.header, file, options) : record;
    if (scored.ok) options.tally?.keep();
    else options.tally?.reject(scored.rejection.reason);
    yield scored;
  }
}

function scoreRecord(
  record: CsvRecord,
  header: readonly string[],
  file: string,
  options: CustomerValueOptions,
): SourceRecord<ScoredCustomer> {
  const position = { kind: 'file' as const, file, line: record.line };
  const row = Object.fromEntries(header.map((name, index) => [name, record.fields[index]]));
  const outcome = scoreCustomerValue(row, options);
  if (outcome.kind === 'kept') return { ok: true, value: outcome.value, position };
  const message = `${file}:${record.line}: ${outcome.kind === 'rejected' ? outcome.message : outcome.reason}`;
  const reason = outcome.reason;
  const raw = record.raw;
  return { ok: false, rejection: { reason, message, position, ...(raw === undefined ? {} : { raw }) } };
}
