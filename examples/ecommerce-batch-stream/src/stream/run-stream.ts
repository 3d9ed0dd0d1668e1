import { encodeJsonLines } from '@sluice/core/codecs';
import { type Rejection, type RunReport, RunTally } from '@sluice/core/outcome';
import {
  type KinesisInput,
  type KinesisRunnerOptions,
  kinesisDeadLetterRejection,
  runKinesisStream,
} from '@sluice/core/runner';
import type { ObjectStore } from '@sluice/core/storage';
import type { BotDetectorOptions } from '@sluice/transforms/bots';
import { readEventRowChunks } from '../event-rows.js';
import { EVENTS_STREAM, KEYS } from '../layout.js';
import { botStreamHandler } from './bot-stream-handler.js';
import { addCounts, closeWindows } from './close-windows.js';
import type { DetectionPublisher, PublishCounts } from './detection-publisher.js';
import type { DetectorStates } from './detector-states.js';

type KinesisHandler = ReturnType<typeof botStreamHandler>;

export interface StreamOptions {
  /** Holds the raw events CSV under `raw/events.csv`; receives the quarantine. */
  store: ObjectStore;
  states: DetectorStates;
  publisher: DetectionPublisher;
  detector?: BotDetectorOptions;
  /** Batch size, shard count, batching window, retries of the local Kinesis runner. */
  runner?: Pick<
    KinesisRunnerOptions,
    'batchSize' | 'shardCount' | 'batchWindowMs' | 'maxRetryAttempts' | 'clock'
  >;
  /** Wraps the handler, e.g. to inject a transient failure in a test. */
  wrap?: (handler: KinesisHandler) => KinesisHandler;
}

export interface StreamResult {
  /** Every CSV row: kept (counted in a window), dropped `late`/`no-key`, rejected (unreadable). */
  report: RunReport;
  published: PublishCounts;
  stream: { invocations: number; failedInvocations: number; redelivered: number; deadLettered: number };
}

/**
 * The real-time path on one machine: CSV rows become Kinesis records keyed by user, the local
 * runner feeds them to the bot detection handler, and the windows still open at the end are closed.
 *
 * @example const { report, published } = await runStream({ store, states, publisher, runner: { batchSize: 100 } });
 */
export async function runStream(options: StreamOptions): Promise<StreamResult> {
  const tally = new RunTally();
  const published: PublishCounts = { created: 0, duplicate: 0, conflict: 0, alerts: 0 };
  const handler = botStreamHandler({
    states: options.states,
    publisher: options.publisher,
    ...(options.detector ? { detector: options.detector } : {}),
    quarantine: (batchId, rejections) =>
      quarantine(options.store, `${KEYS.streamQuarantine}${batchId}.jsonl`, rejections),
    onInvocation: (report, counts) => {
      tally.absorb(report);
      addCounts(published, counts);
    },
  });
  const unreadable: Rejection[] = [];
  const source = kinesisRecords(await options.store.get(KEYS.rawEvents), unreadable);
  const runner = { streamName: EVENTS_STREAM, ...options.runner };
  const run = await runKinesisStream(source, options.wrap?.(handler) ?? handler, runner);
  for (const rejection of unreadable) tally.reject(rejection.reason);
  await quarantine(options.store, `${KEYS.streamQuarantine}source.jsonl`, unreadable);
  const deadLetters = run.deadLetters.map((letter) => kinesisDeadLetterRejection(EVENTS_STREAM, letter));
  if (deadLetters.length > 0) tally.reject('dead-letter', deadLetters.length);
  await quarantine(options.store, `${KEYS.streamQuarantine}dead-letters.jsonl`, deadLetters);
  addCounts(published, await closeWindows(options.states, options.publisher, options.detector));
  const { invocations, failedInvocations, redelivered, deadLettered } = run;
  return {
    report: tally.report(),
    published,
    stream: { invocations, failedInvocations, redelivered, deadLettered },
  };
}

/**
 * What the seed's simulator did: each CSV row as one JSON record, partition key `user_id`, a read of
 * the file at a time (the runner takes a chunk's records without a promise per record).
 */
function kinesisRecords(input: AsyncIterable<Uint8Array>, unreadable: Rejection[]) {
  return { chunks: recordChunks(input, unreadable) };
}

async function* recordChunks(
  input: AsyncIterable<Uint8Array>,
  unreadable: Rejection[],
): AsyncGenerator<KinesisInput[]> {
  for await (const rows of readEventRowChunks(input, KEYS.rawEvents)) {
    const records: KinesisInput[] = [];
    for (const row of rows) {
      if (!row.ok) unreadable.push(row.rejection);
      else records.push({ partitionKey: row.value.user_id || 'no-user', data: row.value });
    }
    yield records;
  }
}

async function quarantine(store: ObjectStore, key: string, entries: readonly unknown[]): Promise<void> {
  if (entries.length > 0) await store.put(key, encodeJsonLines(entries));
  else await store.delete(key);
}
