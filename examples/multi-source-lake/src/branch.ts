import { encodeJsonLines } from '@sluice/core/codecs';
import type { KinesisBatchHandler } from '@sluice/core/lambda';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { RunTally } from '@sluice/core/outcome';
import {
  acceptEveryRecord,
  kinesisDeadLetterRejection,
  type PutRecords,
  putOnStream,
  runKinesisStream,
} from '@sluice/core/runner';
import type { ObjectStore } from '@sluice/core/storage';
import type { CsvColumnSpec } from '@sluice/transforms';
import { readCheckpoint, writeCheckpoint } from './ingestion/checkpoint.js';
import { csvChunks, type IngestChunk } from './ingestion/simulator.js';
import { checkpointKey, type Domain, quarantinePrefix, RAW_KEYS, STREAMS } from './layout.js';

/** Builds the processor of one chunk: `batchTag` keeps its file names apart from other chunks'. */
export type ProcessorFactory = (
  batchTag: string,
  onBatch: (report: RunReport) => void,
) => KinesisBatchHandler;

/** One branch of the lake: a raw file streamed through its processor into its dataset. */
export interface BranchOptions {
  domain: Domain;
  store: ObjectStore;
  processor: ProcessorFactory;
  /** The columns the processor reads, found in the raw file's header by normalised name. */
  columns: CsvColumnSpec;
  /** Column (one of `columns`) that routes records to shards. */
  partitionKey: string;
  /** The stream's PutRecords; default: a local stream that takes every record. */
  put?: PutRecords;
  /** Rows ingested, processed and checkpointed together. Default 5000. */
  chunkRows?: number;
  /** Records per processor invocation (the mapping's batch size). Default 100. */
  batchSize?: number;
  shardCount?: number;
  log?: (line: string) => void;
}

/** What a branch did: its run report over the whole raw file, and the stream's delivery counts. */
export interface BranchResult {
  report: RunReport;
  stream: { invocations: number; failedInvocations: number; redelivered: number; deadLettered: number };
  /** Data rows the checkpoint said were already done when this run started. */
  resumedAt: number;
}

/**
 * Ingests the raw file chunk by chunk from the checkpoint on; each chunk goes through the local
 * stream runner into the processor, then the checkpoint advances. A chunk interrupted midway is sent
 * again whole: the same records get the same sequence numbers and batches, so files are overwritten.
 *
 * @example const { report } = await runBranch({ domain: 'customers', store, processor, partitionKey: 'Customer_ID' });
 */
export async function runBranch(options: BranchOptions): Promise<BranchResult> {
  const { store, domain } = options;
  const checkpoint = await readCheckpoint(store, checkpointKey(domain));
  const tally = new RunTally();
  tally.absorb({ ...checkpoint, read: 0, startedAt: '', durationMs: 0 });
  const stream = { invocations: 0, failedInvocations: 0, redelivered: 0, deadLettered: 0 };
  const chunks = csvChunks(store, RAW_KEYS[domain], {
    from: checkpoint.rows,
    size: options.chunkRows ?? 5000,
    columns: options.columns,
    partitionKey: options.partitionKey,
  });
  for await (const chunk of chunks) {
    tally.absorb(await runChunk(options, chunk, stream));
    await writeCheckpoint(store, checkpointKey(domain), chunk.from + chunk.rows, tally.report());
    options.log?.(`${domain}: ${chunk.from + chunk.rows} rows ingested`);
  }
  return { report: tally.report(), stream, resumedAt: checkpoint.rows };
}

async function runChunk(options: BranchOptions, chunk: IngestChunk, stream: BranchResult['stream']) {
  const tally = new RunTally();
  const tag = `c${chunk.from}-`;
  await quarantine(options, `${tag}ingest`, chunk.rejections);
  for (const rejection of chunk.rejections) tally.reject(rejection.reason);
  const name = STREAMS[options.domain];
  const run = await runKinesisStream(
    putOnStream(chunk.records, options.put ?? acceptEveryRecord, { stream: name }),
    options.processor(tag, (report) => tally.absorb(report)),
    { streamName: name, batchSize: options.batchSize ?? 100, shardCount: options.shardCount ?? 2 },
  );
  const deadLetters = run.deadLetters.map((letter) => kinesisDeadLetterRejection(name, letter));
  await quarantine(options, `${tag}dead-letters`, deadLetters);
  for (const rejection of deadLetters) tally.reject(rejection.reason);
  stream.invocations += run.invocations;
  stream.failedInvocations += run.failedInvocations;
  stream.redelivered += run.redelivered;
  stream.deadLettered += run.deadLettered;
  return tally.report();
}

async function quarantine(options: BranchOptions, name: string, rejections: readonly Rejection[]) {
  if (rejections.length === 0) return;
  await options.store.put(`${quarantinePrefix(options.domain)}${name}.jsonl`, encodeJsonLines(rejections));
}
