import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { encodeCsv, encodeJsonLines, openCsv } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import { RunTally } from '@sluice/core/outcome';
import { CustomerSummariser } from '@sluice/transforms/analytics';
import type { ScoredCustomer } from '@sluice/transforms/customers';
import { scoreCustomerRows } from '@sluice/transforms/customers';
import { parseFlags, required } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { readableFile, requireColumns, writeFileAtomically } from '../files.js';

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

/** `sluice customers score`: the seed 002 customer value score over a local Kaggle-style CSV. */
export const customersScore: Command = {
  name: 'customers score',
  usage:
    'sluice customers score --input FILE.csv --output FILE.csv|FILE.jsonl [--rejects FILE.jsonl (default OUTPUT.rejects.jsonl)]',
  async run(argv) {
    const { values } = parseFlags(argv, {
      input: { type: 'string' },
      output: { type: 'string' },
      rejects: { type: 'string' },
    });
    const input = required(values, 'input');
    const output = required(values, 'output');
    const format = outputFormat(output);
    const rejects = values.rejects === undefined ? `${output}.rejects.jsonl` : required(values, 'rejects');
    await readableFile(input);
    await requireColumns(input, [
      'Customer_ID',
      'Purchase_Amount',
      'Frequency_of_Purchase',
      'Brand_Loyalty',
      'Customer_Satisfaction',
    ]);
    // 'auto' reads the export's stray Windows-1252 bytes (`\xC9vry`) as `Évry`.
    const csv = await openCsv(createReadStream(input), { file: input, encoding: 'auto' });
    const tally = new RunTally();
    const summary = new CustomerSummariser();
    const rejections: Rejection[] = [];
    const scored = (async function* () {
      for await (const row of scoreCustomerRows(csv, { file: input, tally })) {
        if (!row.ok) rejections.push(row.rejection);
        else {
          summary.add(row.value);
          yield row.value;
        }
      }
    })();
    await writeFileAtomically(output, encodeCustomers(scored, format));
    // Rejected rows are never only counted: they go to the rejects file with their line.
    await writeFileAtomically(rejects, encodeJsonLines(rejections));
    const result = summary.result();
    return {
      report: tally.report(),
      summary: { segments: result.segments, meanScore: result.avg_value_score },
      rejects,
    };
  },
};
