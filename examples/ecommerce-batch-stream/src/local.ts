import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { LocalObjectStore, listAll, type ObjectStore } from '@sluice/core/storage';
import { eventsCsv, writeLines } from '@sluice/datagen';
import { DynamoDbSink, type KeyValueSink } from '@sluice/sinks/dynamodb';
import { JsonLinesNotifier, MemoryKeyValueSink } from '@sluice/sinks/local';
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';
import type { BotDetectorOptions } from '@sluice/transforms/bots';
import { type BatchResult, type InsightSettings, runBatch } from './batch/run-batch.js';
import type { DemoResult } from './index.js';
import { DETECTIONS_TABLE, EVENTS_BUCKET, KEYS } from './layout.js';
import { DetectionPublisher } from './stream/detection-publisher.js';
import { writeDetectionsExport } from './stream/detections-export.js';
import { MemoryDetectorStates } from './stream/detector-states.js';
import { runStream, type StreamOptions, type StreamResult } from './stream/run-stream.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  dir: string;
  rows: number;
  seed: number;
  log: (line: string) => void;
}

/** Options of {@link runLocal}: where the raw events are, and how to run the stream. */
export interface LocalRunOptions {
  /** Holds `ecommerce-events/raw/events.csv`; outputs are written beside it. */
  dir: string;
  detector?: BotDetectorOptions;
  runner?: StreamOptions['runner'];
  wrap?: StreamOptions['wrap'];
  /** Wraps the detections table, e.g. to inject a transient failure in a test. */
  wrapTable?: (table: KeyValueSink) => KeyValueSink;
  /**
   * The detections table: `memory` (default), DynamoDB's conditional writes at memory speed;
   * `dynalite`, DynamoDB's protocol served in-process (~9 ms a request), to check the SDK path.
   */
  table?: 'memory' | 'dynalite';
  insights?: Partial<InsightSettings>;
  log?: (line: string) => void;
}

/** Everything a local run produced, with the DynamoDB items read back before the table went away. */
export interface LocalRunResult {
  batch: BatchResult;
  stream: StreamResult;
  items: Record<string, unknown>[];
  files: { notifications: string; metrics: string; bucket: string };
}

/**
 * Generates rees46-style events (with bot bursts and late events) into `dir`, runs both paths on
 * embedded defaults and returns what the demo prints.
 *
 * @example const result = await runDemo({ dir: 'out/ecommerce', rows: 20_000, seed: 4, log: console.error });
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  await generateEvents(options);
  const run = await runLocal({ dir: options.dir, log: options.log });
  await writeDetectionsExport(options.dir, run.items);
  const severities = { flag: 0, high: 0 };
  for (const item of run.items) severities[item.severity === 'high' ? 'high' : 'flag']++;
  return {
    pipeline: 'ecommerce-batch-stream',
    reports: { batch: run.batch.report, stream: run.stream.report },
    summary: {
      parquetFiles: run.batch.files.length,
      detections: { items: run.items.length, ...severities },
      lateEvents: run.stream.report.dropped.late ?? 0,
      alerts: run.stream.published.alerts,
      stream: run.stream.stream,
      outputs: run.files,
    },
    queries: [
      ...run.batch.queries,
      { name: 'bot_detections', rows: run.items.slice(0, 20).map(shownDetection) },
    ],
  };
}

/** A stored detection as the demo shows it: window times readable, bookkeeping attributes left out. */
function shownDetection(item: Record<string, unknown>): Record<string, unknown> {
  const time = (ms: unknown) => new Date(Number(ms)).toISOString();
  const { key, windowStart, windowEnd, count, severity } = item;
  return { key, window_start: time(windowStart), window_end: time(windowEnd), count, severity };
}

/** Writes `rows` events with the seeded generator to `dir/ecommerce-events/raw/events.csv`. */
export async function generateEvents(options: Pick<DemoOptions, 'dir' | 'rows' | 'seed'>): Promise<void> {
  const file = join(options.dir, EVENTS_BUCKET, KEYS.rawEvents);
  await writeLines(file, eventsCsv({ rows: options.rows, seed: options.seed }), { progress: false });
}

/**
 * Runs the batch and stream paths over `dir` with DuckDB, an in-memory detections table (or
 * dynalite), a JSON Lines notifier and an EMF log file. Each run starts from fresh detector state and output files.
 *
 * @example const { batch, stream, items } = await runLocal({ dir: 'out/ecommerce', runner: { batchSize: 50 } });
 */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const log = options.log ?? (() => {});
  log('ecommerce: batch path (CSV → Parquet by date → insights on DuckDB)');
  const batch = await runBatch({
    store: new LocalObjectStore(join(options.dir, EVENTS_BUCKET)),
    openEngine: (tables) => createDuckDbEngine({ localRoot: options.dir, tables }),
    ...(options.insights ? { insights: options.insights } : {}),
  });
  log('ecommerce: stream path (Kinesis → bot detection → DynamoDB, alerts, metrics)');
  return { batch, ...(await runLocalStream(options)) };
}

/**
 * The stream path alone, as {@link runLocal} runs it.
 *
 * @example const { stream, items } = await runLocalStream({ dir: 'out/ecommerce', runner: { shardCount: 2 } });
 */
export async function runLocalStream(options: LocalRunOptions): Promise<Omit<LocalRunResult, 'batch'>> {
  const store = new LocalObjectStore(join(options.dir, EVENTS_BUCKET));
  const files = outputFiles(options.dir);
  await startFresh(store, files);
  const table = await openTable(options.table ?? 'memory');
  const notifier = new JsonLinesNotifier(files.notifications, { durable: false });
  try {
    const publisher = new DetectionPublisher({
      table: options.wrapTable?.(table.sink) ?? table.sink,
      notifier,
      metrics: (line) => appendFile(files.metrics, `${line}\n`),
    });
    // One process from fresh state: the shards' states stay in memory between invocations (the
    // deployed handler keeps them in S3, one object per shard, read and written per invocation).
    const states = new MemoryDetectorStates();
    const stream = await runStream({ ...options, store, states, publisher });
    return { stream, items: byWindow(await table.scan()), files };
  } finally {
    await notifier.close();
    await table.close();
  }
}

async function openTable(kind: 'memory' | 'dynalite') {
  if (kind === 'memory') {
    const sink = new MemoryKeyValueSink(DETECTIONS_TABLE);
    return { sink, scan: async () => sink.items, close: async () => {} };
  }
  const dynamo = await startLocalDynamo({ tables: [DETECTIONS_TABLE] });
  return {
    sink: new DynamoDbSink({ ...DETECTIONS_TABLE, clientConfig: dynamo.clientConfig }),
    scan: () => scanItems(dynamo.clientConfig),
    close: () => dynamo.stop(),
  };
}

function outputFiles(dir: string) {
  return {
    notifications: join(dir, 'alerts.jsonl'),
    metrics: join(dir, 'metrics.log'),
    bucket: join(dir, EVENTS_BUCKET),
  };
}

/** A rerun starts from no detector state, no alerts and no metric lines of an earlier run. */
async function startFresh(store: ObjectStore, files: { notifications: string; metrics: string }) {
  for await (const object of listAll(store, KEYS.detectorState)) await store.delete(object.key);
  await rm(files.notifications, { force: true });
  await rm(files.metrics, { force: true });
}

async function scanItems(clientConfig: ConstructorParameters<typeof DynamoDBClient>[0]) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig ?? {}));
  try {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateScan({ client }, { TableName: DETECTIONS_TABLE.tableName }))
      items.push(...(page.Items ?? []));
    return items;
  } finally {
    client.destroy();
  }
}

function byWindow(items: Record<string, unknown>[]): Record<string, unknown>[] {
  return items.sort(
    (a, b) => Number(a.windowStart) - Number(b.windowStart) || String(a.key).localeCompare(String(b.key)),
  );
}
