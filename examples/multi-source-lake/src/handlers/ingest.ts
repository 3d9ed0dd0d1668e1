import { encodeJsonLines } from '@sluice/core/codecs';
import { handlerEnvironment } from '@sluice/core/lambda';
import { RunTally } from '@sluice/core/outcome';
import { type KinesisInput, type PutRecords, putOnStream } from '@sluice/core/runner';
import type { ObjectStore } from '@sluice/core/storage';
import { readCheckpoint, writeCheckpoint } from '../ingestion/checkpoint.js';
import { csvChunks } from '../ingestion/simulator.js';
import { checkpointKey, type Domain, quarantinePrefix, RAW_KEYS, STREAMS } from '../layout.js';
import { DOMAIN_RECORDS, domainOf } from './domain-input.js';
import { storeFromEnvironment } from './environment.js';

/** What the schedule passes: which raw file to advance. */
export interface IngestInput {
  domain: Domain;
}

/** How far one invocation got. */
export interface IngestOutput {
  domain: Domain;
  /** Data rows this invocation put on the stream or quarantined. */
  rows: number;
  /** Data rows of the raw file done, this invocation included. */
  done: number;
}

/** Options of {@link ingestionSimulator}. */
export interface IngestionSimulatorOptions {
  store: ObjectStore;
  /** Each domain's PutRecords (Kinesis on AWS). */
  put: (domain: Domain) => PutRecords;
  /** Rows per chunk, the unit of checkpointing. Default 5000. */
  chunkRows?: number;
  /** Chunks per invocation, so one stays well inside Lambda's timeout. Default 10. */
  maxChunks?: number;
}

/**
 * `data-ingestion-simulator` on a schedule: puts the next chunks of a raw file on its stream from the
 * checkpoint on, quarantines rows that cannot become records, and advances the checkpoint after
 * each chunk. The processors then read the stream through their event source mappings, so the
 * checkpoint counts what ingestion settled: rows put on the stream as kept, unreadable rows rejected.
 *
 * @example const ingest = ingestionSimulator({ store, put: () => acceptEveryRecord }); await ingest({ domain: 'customers' });
 */
export function ingestionSimulator(options: IngestionSimulatorOptions) {
  return async (input: IngestInput): Promise<IngestOutput> => {
    const domain = domainOf('data-ingestion-simulator', input);
    const { store } = options;
    const checkpoint = await readCheckpoint(store, checkpointKey(domain));
    const tally = new RunTally();
    tally.absorb({ ...checkpoint, read: 0, startedAt: '', durationMs: 0 });
    let done = checkpoint.rows;
    let chunks = 0;
    const size = options.chunkRows ?? 5000;
    for await (const chunk of csvChunks(store, RAW_KEYS[domain], {
      from: done,
      size,
      ...DOMAIN_RECORDS[domain],
    })) {
      if (chunk.rejections.length > 0)
        await store.put(
          `${quarantinePrefix(domain)}c${chunk.from}-ingest.jsonl`,
          encodeJsonLines(chunk.rejections),
        );
      for (const rejection of chunk.rejections) tally.reject(rejection.reason);
      for await (const _ of putOnStream(chunk.records, options.put(domain), { stream: STREAMS[domain] }))
        tally.keep();
      done = chunk.from + chunk.rows;
      await writeCheckpoint(store, checkpointKey(domain), done, tally.report());
      if (++chunks >= (options.maxChunks ?? 10)) break;
    }
    return { domain, rows: done - checkpoint.rows, done };
  };
}

/** PutRecords on a Kinesis stream through the library's producer; refused entries come back by index. */
async function kinesisPut(streamName: string): Promise<PutRecords> {
  const [{ KinesisProducer }, { KinesisClient }, { NodeHttpHandler }] = await Promise.all([
    import('@sluice/sinks/kinesis'),
    import('@aws-sdk/client-kinesis'),
    import('@smithy/node-http-handler'),
  ]);
  // PutRecords needs no HTTP/2 (only SubscribeToShard does); HTTP/1.1 also reaches kinesalite.
  const client = new KinesisClient({ requestHandler: new NodeHttpHandler() });
  const producer = new KinesisProducer<KinesisInput>({
    streamName,
    client,
    partitionKey: (record) => record.partitionKey,
    encode: (record) => new TextEncoder().encode(JSON.stringify(record.data)),
  });
  return async (records) => {
    const report = await producer.put(records);
    return { refused: [...report.rejected, ...report.failed].map((entry) => entry.index) };
  };
}

let deployed: ((input: IngestInput) => Promise<IngestOutput>) | undefined;

/** The Lambda entry point: `LAKE_BUCKET`, `MAINTENANCE_STREAM`, `CUSTOMERS_STREAM`, `INGEST_CHUNK_ROWS`, `INGEST_MAX_CHUNKS`. */
export async function handler(input: IngestInput): Promise<IngestOutput> {
  if (!deployed) {
    const env = handlerEnvironment(process.env);
    const streams: Record<Domain, string> = {
      maintenance: env.optional('MAINTENANCE_STREAM') ?? STREAMS.maintenance,
      customers: env.optional('CUSTOMERS_STREAM') ?? STREAMS.customers,
    };
    const chunkRows = env.wholeNumber('INGEST_CHUNK_ROWS', { min: 1 });
    const maxChunks = env.wholeNumber('INGEST_MAX_CHUNKS', { min: 1 });
    const puts = {
      maintenance: await kinesisPut(streams.maintenance),
      customers: await kinesisPut(streams.customers),
    };
    deployed = ingestionSimulator({
      store: await storeFromEnvironment(),
      put: (domain) => puts[domain],
      ...(chunkRows !== undefined && { chunkRows }),
      ...(maxChunks !== undefined && { maxChunks }),
    });
  }
  return deployed(input);
}
