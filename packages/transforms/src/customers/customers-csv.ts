import type { CsvInput, CsvReadOptions, CsvRules, CsvScan } from '@sluice/core/codecs';
import { openCsvScan } from '@sluice/core/codecs';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import { type HeaderColumns, headerColumns } from '../csv-columns/index.js';
import { type CustomerValueOptions, customerScoring } from './customer-value.js';
import { CUSTOMER_COLUMNS, type Customer, CustomerSchema, type ScoredCustomer } from './schema.js';

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
  const score = customerScoring({ weights, scales, thresholds }); // options that cannot work fail now
  const scan = await openCsvScan(input, read);
  const columns = await scan.closedOnError(() => headerColumns(scan.header, CUSTOMER_COLUMNS, scan.file));
  const scored: ScoredCustomer[] = [];
  return {
    header: scan.header,
    customers: readScored(scan, customerRules(columns, score, scored), onRejected, scored),
    report: () => scan.report(),
  };
}

function customerRules(
  columns: HeaderColumns,
  score: (customer: Customer) => ScoredCustomer,
  scored: ScoredCustomer[],
): CsvRules {
  return {
    record: (record) => {
      const parsed = CustomerSchema.safeParse(columns.row(record.fields));
      if (parsed.success) {
        scored.push(score(parsed.data));
        return 'keep';
      }
      const { issues } = parsed.error;
      const column = columns.headerName(String(issues[0]?.path[0]));
      return { reject: 'invalid-customer', message: describeIssues(issues), ...(column && { column }) };
    },
  };
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
