import { fileURLToPath } from 'node:url';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { emulatorEnvironment, stackUnderTest, useEnvironment } from '@sluice/cdk/testing';
import { kinesisEvent } from '@sluice/core/testing';
import { customersCsv, manufacturingCsv } from '@sluice/datagen';
import {
  type RunningKinesalite,
  type RunningS3rver,
  startKinesalite,
  startS3rver,
} from '@sluice/sinks/testing';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_KEYS } from '../src/layout.js';
import { MultiSourceLakeStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const BUCKET = 'lake-bucket';
const lake = stackUnderTest((app) => new MultiSourceLakeStack(app, 'Lake'), exampleDir, { bundle: true });
let s3rver: RunningS3rver;
let kinesalite: RunningKinesalite;
let s3: S3Client;
let kinesis: KinesisClient;

/** The generators' lines (strings or bytes) as one text. */
async function text(
  lines: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const line of lines) out += typeof line === 'string' ? line : decoder.decode(line);
  return out;
}

beforeAll(async () => {
  [s3rver, kinesalite] = await Promise.all([startS3rver({ bucket: BUCKET }), startKinesalite()]);
  s3 = new S3Client(s3rver.clientConfig);
  kinesis = new KinesisClient({ ...kinesalite.clientConfig, requestHandler: new NodeHttpHandler() });
  for (const name of ['readings', 'customers']) {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 20, minDelay: 1 }, { StreamName: name });
  }
}, 120_000);
afterAll(async () => {
  s3?.destroy();
  kinesis?.destroy();
  await Promise.all([s3rver?.stop(), kinesalite?.stop()]);
});
// What the deployed functions read from their environment, pointed at the emulators.
useEnvironment(() => ({
  ...emulatorEnvironment({ s3: s3rver.endpoint, kinesis: kinesalite.endpoint }),
  AWS_LAMBDA_FUNCTION_NAME: 'lake',
  LAKE_BUCKET: BUCKET,
  MAINTENANCE_STREAM: 'readings',
  CUSTOMERS_STREAM: 'customers',
  INGEST_CHUNK_ROWS: '20',
  INGEST_MAX_CHUNKS: '2',
}));

async function streamRecords(stream: string) {
  const { ShardIterator } = await kinesis.send(
    new GetShardIteratorCommand({
      StreamName: stream,
      ShardId: 'shardId-000000000000',
      ShardIteratorType: 'TRIM_HORIZON',
    }),
  );
  return (await kinesis.send(new GetRecordsCommand({ ShardIterator }))).Records ?? [];
}

const keys = async (prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map(
    (o) => o.Key,
  );

describe('the lake bundles synth wrote to cdk.out', () => {
  it('ingest: the scheduled event puts the next chunks of a raw file on Kinesis and checkpoints', async () => {
    const raw = await text(manufacturingCsv({ rows: 60, seed: 3 }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: RAW_KEYS.maintenance, Body: raw }));
    const { handler } = await lake.importBundle('IngestionSimulator');
    await expect(handler({ domain: 'maintenance' })).resolves.toEqual({
      domain: 'maintenance',
      rows: 40,
      done: 40,
    });
    expect(await streamRecords('readings')).toHaveLength(40);
    expect(await keys('state/')).toEqual(['state/ingestion-maintenance.json']);
    await expect(handler({ domain: 'maintenance' })).resolves.toMatchObject({ rows: 20, done: 60 });
  });

  it('processor: the Kinesis records the simulator put become scored Parquet in lake/', async () => {
    const records = await streamRecords('readings');
    const event = kinesisEvent(
      records.map((record) => ({
        data: record.Data as Uint8Array,
        partitionKey: record.PartitionKey ?? '',
        sequenceNumber: record.SequenceNumber ?? '',
      })),
      { streamName: 'readings' },
    );
    const { handler } = await lake.importBundle('ManufacturingProcessor');
    await expect(handler(event, { getRemainingTimeInMillis: () => 60_000 })).resolves.toEqual({
      batchItemFailures: [],
    });
    const written = await keys('lake/maintenance/');
    expect(written.length).toBeGreaterThan(0);
    expect(
      written.every((key) => /^lake\/maintenance\/date=\d{4}-\d{2}-\d{2}\/part-.*\.parquet$/.test(key ?? '')),
    ).toBe(true);
  });

  it('ingest refuses an input without a domain, naming the task', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: RAW_KEYS.customers,
        Body: await text(customersCsv({ rows: 5, seed: 3 })),
      }),
    );
    const { handler } = await lake.importBundle('IngestionSimulator');
    await expect(handler({})).rejects.toThrow('data-ingestion-simulator: input.domain must be');
  });

  it('analytics and integration: the bundles load (their query definitions initialise) and check their input', async () => {
    const analytics = await lake.importBundle('Analytics');
    await expect(analytics.handler({ domain: 'machines' })).rejects.toThrow('lake-analytics: input.domain');
    const integrate = await lake.importBundle('Integrate');
    await expect(integrate.handler({})).rejects.toThrow('data-integration: input.maintenance.summaryKey');
  });
});
