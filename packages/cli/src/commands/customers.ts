import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { encodeCsv, encodeJsonLines } from '@sluice/core/codecs';
import type { RunReport } from '@sluice/core/outcome';
import { CustomerSummariser } from '@sluice/transforms/analytics';
import type { ScoredCustomer } from '@sluice/transforms/customers';
import { scoreCustomersCsv } from '@sluice/transforms/customers';
import { optional, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';
import { distinctFiles, outputFolders, readableFile } from '../files.js';
import { commitAll, PartFile } from '../part-file.js';
import { RejectsFile } from '../rejects-file.js';
import { requireColumns } from '../required-columns.js';

const COLUMNS = [
  'Customer_ID',
  'Purchase_Amount',
  'Frequency_of_Purchase',
  'Brand_Loyalty',
  'Customer_Satisfaction',
  'Purchase_Category',
  'Purchase_Channel',
  'Location',
  'customer_value_score',
  'customer_segment',
] as const;

const REQUIRED_COLUMNS = COLUMNS.slice(0, 5);

type OutputFormat = 'csv' | 'jsonl';

function outputFormat(file: string): OutputFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  throw new UsageError(`--output must end in .csv or .jsonl, got "${file}"`);
}

function encodeCustomers(customers: AsyncIterable<ScoredCustomer>, format: OutputFormat) {
  if (format === 'jsonl') return encodeJsonLines(customers);
  return encodeCsv(
    (async function* () {
      yield COLUMNS;
      for await (const customer of customers) yield COLUMNS.map((column) => String(customer[column] ?? ''));
    })(),
  );
}

/**
 * `sluice customers score`: the seed 002 customer value score over a local Kaggle-style CSV. Scored
 * customers go to `--output`, rows that cannot be scored stream to `--rejects`.
 *
 * @example sluice customers score --input customers.csv --output scored.jsonl
 */
export const customersScore: CommandRun = async ({ values }) => {
  const input = required(values, 'input');
  const output = required(values, 'output');
  const format = outputFormat(output);
  const rejects = optional(values, 'rejects') ?? `${output}.rejects.jsonl`;
  await distinctFiles({ input, output, rejects });
  await readableFile(input);
  await outputFolders([output, rejects]);
  await requireColumns(input, REQUIRED_COLUMNS);
  const scored = new PartFile(output);
  const quarantine = new RejectsFile(rejects);
  const summary = new CustomerSummariser();
  let report: RunReport | undefined;
  await commitAll([scored, quarantine], async () => {
    // 'auto' (the default) reads the export's stray Windows-1252 bytes (`\xC9vry`) as `Évry`.
    const source = createReadStream(input, { highWaterMark: 256 * 1024 });
    const run = await scoreCustomersCsv(source, { file: input, onRejected: quarantine.add });
    const rows = async function* () {
      for await (const customer of run.customers) {
        summary.add(customer);
        yield customer;
      }
    };
    await scored.write(encodeCustomers(rows(), format));
    report = run.report();
  });
  const result = summary.result();
  return {
    report,
    summary: { segments: result.segments, meanScore: result.avg_value_score },
    rejects,
    rejected: quarantine.count,
  };
};
