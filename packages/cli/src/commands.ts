import type { Command, OptionSpec } from './command.js';
import { DEMO_EXAMPLES } from './commands/demo-examples.js';

// What `--help` shows and the parser reads. Each command's code is imported only when it runs.

/** The datasets `sluice generate` writes (checked against @sluice/datagen by a test). */
export const DATASET_NAMES = ['orders', 'clicks', 'manufacturing', 'customers', 'transactions', 'events'];

type CommandSpec = Omit<Command, 'name'>;
/** A command, named by the words that select it (`orders filter` is two words). */
const command = (name: string, spec: CommandSpec): Command => ({ name, ...spec });
/** A command over a CSV file: rejected rows go to the `--rejects` file, never to stdout. */
const rejectingRows = (name: string, spec: CommandSpec): Command => ({
  ...command(name, spec),
  notes: [
    'Rejected rows always go to the rejects file, one JSON object a line with the reason and the file:line; ' +
      'stdout carries their count and the file, never the rows.',
  ],
});

/** A `--name VALUE` option: what its value looks like (`FILE`, `N`), what it means, how it is given. */
const valued = (value: string, description: string, given: Partial<OptionSpec> = {}): OptionSpec => ({
  type: 'string',
  value,
  description,
  ...given,
});
/** An option the command cannot run without. */
const required = (value: string, description: string) => valued(value, description, { required: true });
/** An option with a fixed default. */
const defaulted = (value: string, defaultValue: string, description: string) =>
  valued(value, description, { default: defaultValue });
/** An option whose default the command works out from other options, as `defaultText` says. */
const workedOut = (value: string, defaultText: string, description: string) =>
  valued(value, description, { defaultText });

const requiredFile = (description: string) => required('FILE', description);
const wholeNumber = (defaultValue: string, description: string) => defaulted('N', defaultValue, description);
const rejectsFile = (defaultText: string, description: string) => workedOut('FILE', defaultText, description);
const tables: OptionSpec = {
  ...required(
    'NAME=PATH',
    'a table over a file or a folder of key=value/ partitions; repeat for more tables',
  ),
  multiple: true,
};

const ordersFilter = rejectingRows('orders filter', {
  summary: 'the stale-order filter (seed 000): drops pending or cancelled orders older than the age limit',
  options: {
    input: requiredFile('the orders CSV to read (header row; status and order date columns found by name)'),
    output: requiredFile('the CSV of kept orders, with the input header and bytes'),
    'as-of': required('YYYY-MM-DD', 'the day order ages are counted to'),
    'max-age-days': wholeNumber(
      '30',
      'a pending or cancelled order more than N days old is stale (exactly N is kept)',
    ),
    rejects: rejectsFile('OUTPUT.rejects.jsonl', 'JSON Lines file of rows without a readable date or status'),
  },
  load: async () => (await import('./commands/orders.js')).ordersFilter,
});

const generate = command('generate', {
  summary: 'writes a deterministic sample dataset of any size',
  positional: { name: 'dataset', choices: DATASET_NAMES },
  options: {
    rows: wholeNumber('1000', 'how many records'),
    out: requiredFile('the file to write'),
    seed: defaulted('S', '42', 'the same seed gives the same bytes'),
    dirty: defaulted('RATE', '0.02', 'share of records (0 to 1) carrying a known data-quality quirk'),
  },
  load: async () => (await import('./commands/generate.js')).generate,
});

const customersScore = rejectingRows('customers score', {
  summary: 'customer value scores and segments (seed 002) over a Kaggle-style consumer CSV',
  options: {
    input: requiredFile('the customers CSV to read'),
    output: requiredFile('the scored customers: CSV if it ends in .csv, JSON Lines if .jsonl or .ndjson'),
    rejects: rejectsFile('OUTPUT.rejects.jsonl', 'JSON Lines file of rows that cannot be scored'),
  },
  load: async () => (await import('./commands/customers.js')).customersScore,
});

const transactionsRun = command('transactions run', {
  summary: 'the transaction stream (seed 003) over a file of SQS message bodies',
  options: {
    input: requiredFile('JSON Lines file, one SQS message body a line'),
    state: required('DIR', 'where DynamoDB data and notifications are kept between runs'),
    'large-order-threshold': wholeNumber('100', 'orders above this amount are held as pending'),
    'max-receive-count': wholeNumber('3', 'deliveries before a failing message goes to the dead-letter list'),
  },
  notes: [
    'Running the same input again stores and sends nothing anew: valid messages are then dropped as duplicate.',
  ],
  load: async () => (await import('./commands/transactions.js')).transactionsRun,
});

const botsDetect = rejectingRows('bots detect', {
  summary: 'windowed bot detection (seed 004) over a rees46 events CSV',
  options: {
    input: requiredFile('the events CSV (event_time, event_type, user_id columns)'),
    window: defaulted('DURATION', '10s', 'window length: 500ms, 10s, 1m'),
    slide: workedOut(
      'DURATION',
      '--window, which makes windows tumbling',
      'how far windows move; shorter than --window makes them sliding',
    ),
    flag: wholeNumber('5', 'events in a window that flag a user'),
    alert: workedOut('N', 'the larger of 10 and --flag', 'events in a window that raise an alert'),
    rejects: rejectsFile(
      'the input file name + .rejects.jsonl, in the current folder',
      'JSON Lines file of rows that are not valid events',
    ),
  },
  load: async () => (await import('./commands/bots.js')).botsDetect,
});

const query = command('query', {
  summary: 'Athena SQL over local CSV, JSON Lines, Parquet files or Hive folders, on embedded DuckDB',
  options: {
    table: tables,
    sql: required('SQL', 'the query, in Athena (Trino) SQL'),
  },
  load: async () => (await import('./commands/query.js')).query,
});

const demo = command('demo', {
  summary: 'runs the five reference pipelines on generated data and writes a dashboard snapshot',
  options: {
    out: defaulted('DIR', 'out/demo', 'where every output goes'),
    rows: wholeNumber('20000', 'input size of each pipeline (every generated record is processed)'),
    seed: defaulted('S', '42', 'seed of the generated data'),
    only: workedOut('NAME[,NAME]', 'all', `pipelines to run: ${DEMO_EXAMPLES.map((e) => e.name).join(', ')}`),
    serve: { type: 'boolean', description: 'then serve the live dashboard until Ctrl-C' },
    port: defaulted('P', '8080', 'the port --serve listens on'),
  },
  load: async () => (await import('./commands/demo.js')).demo,
});

const dashboard = command('dashboard', {
  summary: 'serves the dashboard on 127.0.0.1, running its queries on each page request',
  options: {
    engine: defaulted(
      'duckdb|athena',
      'duckdb',
      'embedded DuckDB over --data, or Amazon Athena with the AWS environment',
    ),
    port: wholeNumber('8080', 'the port to listen on (0: any free one)'),
    data: defaulted(
      'DIR',
      'out/demo',
      'the output folder of `sluice demo` (the tables DuckDB reads, the run reports)',
    ),
    reports: workedOut('FILE', 'DATA/demo-summary.json', 'the run reports shown with each section'),
    workgroup: workedOut('NAME', 'ATHENA_WORKGROUP or primary', 'Athena workgroup (--engine athena)'),
    database: workedOut(
      'NAME',
      'ATHENA_DATABASE or default',
      'Glue database holding the tables (--engine athena)',
    ),
    'output-location': workedOut(
      'S3URI',
      "ATHENA_OUTPUT_LOCATION or the workgroup's",
      'where Athena writes results (--engine athena)',
    ),
  },
  notes: [
    'Only requests to 127.0.0.1:PORT or localhost:PORT are answered. `?month=YYYY-MM` picks the month of the largest orders.',
    'With --engine athena, credentials and region come from the usual AWS environment (AWS_PROFILE, AWS_REGION, …).',
  ],
  load: async () => (await import('./commands/dashboard.js')).dashboard,
});

const athenaServe = command('athena serve', {
  summary:
    "a local Athena endpoint: Athena's and Glue's JSON API on 127.0.0.1, queries run on embedded DuckDB",
  options: {
    table: tables,
    port: wholeNumber('4566', 'the port to listen on (0: any free one)'),
    output: defaulted(
      'DIR',
      'out/athena-results',
      'where results go: s3://bucket/prefix/ is DIR/bucket/prefix/ (<id>.csv and <id>.csv.metadata)',
    ),
  },
  notes: [
    'Point any Athena client at http://127.0.0.1:PORT (aws --endpoint-url, boto3 endpoint_url, the SDK endpoint) with any credentials: signatures are not checked.',
    "Serves StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution, ListQueryExecutions, GetWorkGroup and Glue's GetDatabase, GetTable, GetTables until Ctrl-C.",
  ],
  load: async () => (await import('./commands/athena-serve.js')).athenaServe,
});

/** Every command, by the words that select it (`orders filter` is two words), in help order. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.fromEntries(
  [
    demo,
    generate,
    ordersFilter,
    customersScore,
    transactionsRun,
    botsDetect,
    query,
    athenaServe,
    dashboard,
  ].map((c) => [c.name, c]),
);
