import { createWriteStream, type WriteStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { type Rejection, type RunReport, RunTally } from '@sluice/core/outcome';
import { runSqsQueue, type SqsInput, type StreamRunReport } from '@sluice/core/runner';
import { DynamoDbSink, type Item, type KeyValueSink } from '@sluice/sinks/dynamodb';
import { FileKeyValueSink, JsonLinesNotifier, MemoryKeyValueSink } from '@sluice/sinks/local';
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';
import { runReportEmf } from '@sluice/sinks/metrics';
import type { Notifier } from '@sluice/sinks/notify';
import { processTransactionsHandler } from './handlers/process-transactions.js';
import { messageLines } from './message-lines.js';
import { type StoredCounts, storedCounts } from './stored-counts.js';
import { TRANSACTION_KEY, transactionTableSchema } from './transaction-table.js';

/** The table name of local runs. */
export const LOCAL_TABLE = 'transactions';

/** Options of {@link runTransactionStream}. */
export interface TransactionRunOptions {
  /** JSON Lines file: one SQS message body per line. */
  input: string;
  /** Outputs: `notifications.jsonl`, `quarantine.jsonl`, `dead-letters.jsonl`, `metrics.log` (appended). */
  dir: string;
  /**
   * The table: `file` (default), DynamoDB's conditional writes over a file in `dir` with its keys in
   * memory, removed after the run; `memory`, the same with every item in memory; `dynalite`,
   * DynamoDB's protocol served in-process (what the integration tests check the SDK path with).
   */
  table?: 'file' | 'memory' | 'dynalite';
  /** Keep the table in `dir/dynamo` across runs (a replay stores nothing anew); implies `dynalite`. */
  persist?: boolean;
  largeOrderThreshold?: number;
  /** The redrive policy: deliveries before a message is dead-lettered. Default 3. */
  maxReceiveCount?: number;
  /**
   * Default: a JsonLinesNotifier on `dir/notifications.jsonl`, syncing each publish to disk when
   * the table persists (with an in-memory table a synced file would outlive the rest of the outbox).
   */
  notifier?: Notifier;
  log?: (line: string) => void;
  now?: () => number;
  /**
   * Reads the table's items after the run, one at a time, before the table is released. When given,
   * the result's `table` is empty: a million items need not be held twice.
   */
  readTable?: (items: AsyncIterable<Item>) => Promise<void>;
}

/** What a local run did. */
export interface TransactionRunResult {
  /** Messages that reached an outcome; dead-lettered ones are in `queue` (received = read + deadLettered). */
  report: RunReport;
  queue: Omit<StreamRunReport<SqsInput>, 'deadLetters'>;
  /** What THIS run stored and sent: a replay of the same input counts zero. */
  summary: StoredCounts;
  /** The table's items after the run (a Scan); empty when `readTable` read them. */
  table: Record<string, unknown>[];
}

/**
 * Runs seed 003 on one machine: the input's lines go through the local SQS runner (batches of 10,
 * failed messages redelivered, dead-lettered after `maxReceiveCount`) into the same handler Lambda
 * runs, against a local table with DynamoDB's conditional writes (or dynalite) and a JSON
 * Lines notifier. Every message is processed, however many.
 *
 * @example
 * const { report, summary } = await runTransactionStream({ input: 'messages.jsonl', dir: 'state', persist: true });
 */
export async function runTransactionStream(options: TransactionRunOptions): Promise<TransactionRunResult> {
  const messages = await messageLines(options.input);
  await mkdir(options.dir, { recursive: true });
  const table = await openTable(options);
  const quarantine = createWriteStream(join(options.dir, 'quarantine.jsonl'), { flags: 'a' });
  const ownNotifier = options.notifier
    ? undefined
    : new JsonLinesNotifier(join(options.dir, 'notifications.jsonl'), { durable: options.persist === true });
  try {
    const notifier = options.notifier ?? (ownNotifier as JsonLinesNotifier);
    const result = await deliver(options, messages, table.sink, notifier, quarantine);
    await writeRunOutputs(options.dir, result.report, result.deadLetters);
    const { deadLetters: _, ...queue } = result.queue;
    const items = options.readTable ? [] : await collect(table.scan());
    await options.readTable?.(table.scan());
    return { report: result.report, queue, summary: result.counts.summary(), table: items };
  } finally {
    await new Promise((done) => quarantine.end(done));
    await ownNotifier?.close();
    await table.close();
  }
}

/** The run's table: its sink, a scan of its items after the run, and how to release it. */
interface LocalTable {
  sink: KeyValueSink;
  scan(): AsyncIterable<Item>;
  close(): Promise<void>;
}

async function collect(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function openTable(options: TransactionRunOptions): Promise<LocalTable> {
  const schema = transactionTableSchema(LOCAL_TABLE);
  const kind = options.persist ? 'dynalite' : (options.table ?? 'file');
  if (kind === 'file') {
    const sink = new FileKeyValueSink({ ...schema, path: join(options.dir, 'table-items.jsonl') });
    return { sink, scan: () => toAsync(sink.scan()), close: () => sink.close() };
  }
  if (kind === 'memory') {
    const sink = new MemoryKeyValueSink(schema);
    return { sink, scan: () => toAsync(sink.scan()), close: async () => {} };
  }
  const dynamo = await startLocalDynamo({
    path: options.persist ? join(options.dir, 'dynamo') : undefined,
    tables: [{ tableName: LOCAL_TABLE, partitionKey: TRANSACTION_KEY }],
  });
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(dynamo.clientConfig));
  return {
    sink: new DynamoDbSink({ ...schema, client }),
    scan: () => scanTable(client),
    close: async () => {
      client.destroy();
      await dynamo.stop();
    },
  };
}

async function deliver(
  options: TransactionRunOptions,
  messages: AsyncIterable<SqsInput>,
  table: KeyValueSink,
  notifier: Notifier,
  quarantine: WriteStream,
) {
  const now = options.now ?? Date.now;
  const tally = new RunTally({ now });
  const counts = storedCounts();
  const handler = await processTransactionsHandler({
    env: { TABLE_NAME: LOCAL_TABLE, LARGE_ORDER_THRESHOLD: String(options.largeOrderThreshold ?? 100) },
    table,
    notifier,
    quarantine: (rejection) => writeLine(quarantine, rejection),
    onReport: (batch) => tally.absorb(batch),
    onStored: counts.add,
    now,
  });
  const queue = await runSqsQueue(messages, handler, {
    batchSize: 10,
    maxReceiveCount: options.maxReceiveCount ?? 3,
  });
  options.log?.(
    `transaction-stream: ${queue.received} messages, ${queue.redelivered} redelivered, ${queue.deadLettered} dead-lettered`,
  );
  return { queue, report: tally.report(), counts, deadLetters: queue.deadLetters };
}

/** Appends a rejection, waiting when the disk is behind, so quarantine memory stays bounded. */
function writeLine(out: WriteStream, rejection: Rejection): Promise<void> | undefined {
  if (out.write(`${JSON.stringify(rejection)}\n`)) return undefined;
  return new Promise((drained) => out.once('drain', drained));
}

async function writeRunOutputs(
  dir: string,
  report: RunReport,
  deadLetters: StreamRunReport<SqsInput>['deadLetters'],
) {
  const letters = deadLetters.map((letter) => `${JSON.stringify(letter)}\n`).join('');
  if (letters) await appendFile(join(dir, 'dead-letters.jsonl'), letters);
  const emf = runReportEmf(report, { namespace: 'Sluice', dimensions: { Pipeline: 'transaction-stream' } });
  await appendFile(join(dir, 'metrics.log'), emf.map((line) => `${line}\n`).join(''));
}

async function* scanTable(client: DynamoDBDocumentClient): AsyncGenerator<Item> {
  for await (const page of paginateScan({ client }, { TableName: LOCAL_TABLE, ConsistentRead: true })) {
    yield* page.Items ?? [];
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
