import type { CsvInput, CsvReadOptions, CsvRules, CsvScan } from '@sluice/core/codecs';
import { openCsvScan } from '@sluice/core/codecs';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { type HeaderColumns, headerColumns } from '../csv-columns/index.js';
import {
  type CustomerValueOptions,
  customerSegment,
  customerValue,
  scoreCustomerValue,
} from './customer-value.js';
import { CUSTOMER_COLUMNS, CustomerSchema, type ScoredCustomer } from './schema.js';

/** Options of {@link scoreCustomersCsv}: how the file is read, and how customers are scored. */
export interface CustomersCsvOptions extends CustomerValueOptions, Omit<CsvReadOptions, 'trimHeaders'> {
  /** Receives each rejected row (file, line, column, reason) as it is found; nothing is collected. */
  onRejected(rejection: Rejection): void;
}

/** A scoring run over one CSV file, started once its header was checked. */
export interface CustomersCsvRun {
  /** The file's header, trimmed. */
  header: readonly string[];
  /** The scored customers, in file order, read as they are iterated. Iterate once, to the end. */
  customers: AsyncIterable<ScoredCustomer>;
  /** The reader's report (`read = kept + rejected`, blank lines dropped, `lines`), once `customers` ended. */
  report(): RunReport;
}

/**
 * Scores the customers of a Kaggle-style CSV export (DESIGN §4.4). Columns are found by normalised
 * name; a file lacking one, or with two columns that read as one name, fails here, before any row is
 * read. Rows that cannot be scored, and rows the reader cannot read, go to `onRejected`; stray
 * Windows-1252 bytes (`\xC9vry`) are read as `Évry`. Memory stays bounded by one chunk of input.
 *
 * @example
 * const run = await scoreCustomersCsv(createReadStream('customers.csv'), {
 *   file: 'customers.csv',
 *   onRejected: (rejection) => quarantine.push(rejection),
 * });
 * for await (const customer of run.customers) summary.add(customer);
 * run.report(); // { read: 4, kept: 3, rejected: { 'invalid-customer': 1 }, lines: 5, ... }
 */
export async function scoreCustomersCsv(
  input: CsvInput,
  options: CustomersCsvOptions,
): Promise<CustomersCsvRun> {
  const { onRejected, weights, scales, thresholds, ...read } = options;
  const scoring: CustomerValueOptions = { weights, scales, thresholds };
  // Options that cannot work fail now, not on the first row.
  customerSegment(customerValue(ZERO, scoring), scoring);
  const scan = await openCsvScan(input, read);
  const columns = await scan.closedOnError(() => headerColumns(scan.header, CUSTOMER_COLUMNS, scan.file));
  const scored: ScoredCustomer[] = [];
  return {
    header: scan.header,
    customers: readScored(scan, customerRules(columns, scoring, scored), onRejected, scored),
    report: () => scan.report(),
  };
}

const ZERO = { Purchase_Amount: 0, Frequency_of_Purchase: 0, Brand_Loyalty: 0, Customer_Satisfaction: 0 };

function customerRules(
  columns: HeaderColumns,
  options: CustomerValueOptions,
  scored: ScoredCustomer[],
): CsvRules {
  return {
    record: (record) => {
      const row = columns.row(record.fields);
      const outcome = scoreCustomerValue(row, options);
      if (outcome.kind === 'kept') {
        scored.push(outcome.value);
        return 'keep';
      }
      if (outcome.kind === 'dropped') return { drop: outcome.reason };
      return { reject: outcome.reason, message: outcome.message, ...blamedColumn(row, columns) };
    },
  };
}

/** The file's name of the first column the schema complains about (parsed again: rejections are rare). */
function blamedColumn(row: Record<string, string>, columns: HeaderColumns): { column?: string } {
  const key = CustomerSchema.safeParse(row).error?.issues[0]?.path?.[0];
  const column = typeof key === 'string' ? columns.headerName(key) : undefined;
  return column === undefined ? {} : { column };
}

async function* readScored(
  scan: CsvScan,
  rules: CsvRules,
  onRejected: (rejection: Rejection) => void,
  scored: ScoredCustomer[],
): AsyncGenerator<ScoredCustomer> {
  scan.start(rules, { onRejected });
  try {
    do yield* scored.splice(0);
    while (await scan.step());
    yield* scored.splice(0);
  } finally {
    await scan.close();
  }
}
