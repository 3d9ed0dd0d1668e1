import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  type PutRecordsCommandInput,
  type PutRecordsCommandOutput,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningKinesalite, startKinesalite } from '../testing/kinesalite.js';
import { KinesisProducer } from './kinesis-producer.js';

interface Reading {
  machine: string;
  seq: number;
}

let kinesis: RunningKinesalite;
let client: KinesisClient;
const decoder = new TextDecoder();

beforeAll(async () => {
  kinesis = await startKinesalite();
  client = newClient();
});

afterAll(async () => {
  client?.destroy();
  await kinesis?.stop();
});

// kinesalite speaks HTTP/1.1 only; the SDK's default handler would try HTTP/2.
const newClient = () => new KinesisClient({ ...kinesis.clientConfig, requestHandler: new NodeHttpHandler() });

async function createStream(name: string): Promise<void> {
  await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 2 }));
  await waitUntilStreamExists({ client, maxWaitTime: 20, minDelay: 1 }, { StreamName: name });
}

async function readStream(name: string): Promise<{ key: string; value: Reading }[]> {
  const shards = await client.send(new ListShardsCommand({ StreamName: name }));
  const read: { key: string; value: Reading }[] = [];
  for (const shard of shards.Shards ?? []) {
    let iterator = (
      await client.send(
        new GetShardIteratorCommand({
          StreamName: name,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    for (let more = true; more && iterator; ) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const r of page.Records ?? [])
        read.push({ key: r.PartitionKey ?? '', value: JSON.parse(decoder.decode(r.Data)) });
      more = (page.Records ?? []).length > 0;
      iterator = page.NextShardIterator;
    }
  }
  return read;
}

/** A client whose PutRecords refuses, once each, the records whose `seq` is listed. */
function throttlingClient(refuseOnce: Set<number>, calls: number[][]): KinesisClient {
  const throttling = newClient();
  throttling.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'PutRecordsCommand') return next(args);
      const input = args.input as PutRecordsCommandInput;
      const records = input.Records ?? [];
      const seqs = records.map((r) => (JSON.parse(decoder.decode(r.Data)) as Reading).seq);
      calls.push(seqs);
      const refused = seqs.map((seq) => refuseOnce.delete(seq));
      const result = await next({
        ...args,
        input: { ...input, Records: records.filter((_, i) => !refused[i]) },
      });
      const output = result.output as PutRecordsCommandOutput;
      const accepted = [...(output.Records ?? [])];
      output.Records = refused.map((no) =>
        no
          ? { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate exceeded for shard' }
          : (accepted.shift() ?? {}),
      );
      output.FailedRecordCount = refused.filter(Boolean).length;
      return result;
    },
    { step: 'initialize', name: 'refuseSomeRecords' },
  );
  return throttling;
}

describe('KinesisProducer against kinesalite', () => {
  it('writes every record once, keeping order within each partition key', async () => {
    await createStream('readings');
    const readings = Array.from({ length: 120 }, (_, seq) => ({ machine: `M-${seq % 7}`, seq }));
    const producer = new KinesisProducer({
      streamName: 'readings',
      client,
      partitionKey: (r: Reading) => r.machine,
    });
    const report = await producer.put(readings);
    expect(report).toMatchObject({ sent: 120, retried: 0, rejected: [], failed: [] });
    const read = await readStream('readings');
    expect(read.map((r) => r.value.seq).sort((a, b) => a - b)).toEqual(readings.map((r) => r.seq));
    for (const key of new Set(read.map((r) => r.key))) {
      const seqs = read.filter((r) => r.key === key).map((r) => r.value.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('resends only refused records, and a refused record stays ahead of later ones of its key', async () => {
    await createStream('throttled');
    const readings = Array.from({ length: 40 }, (_, seq) => ({ machine: `M-${seq % 4}`, seq }));
    const calls: number[][] = [];
    const producer = new KinesisProducer({
      streamName: 'throttled',
      client: throttlingClient(new Set([0, 5, 6]), calls),
      partitionKey: (r: Reading) => r.machine,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const report = await producer.put(readings);
    expect(report).toMatchObject({ sent: 40, retried: 3, failed: [] });
    // One record per key per call: refused 0 (M-0) goes again before 4 (M-0) is ever sent.
    expect(calls.slice(0, 3)).toEqual([
      [0, 1, 2, 3],
      [0, 5, 6, 7],
      [4, 5, 6, 11],
    ]);
    const read = await readStream('throttled');
    expect(read).toHaveLength(40);
    for (const key of ['M-0', 'M-1', 'M-2', 'M-3']) {
      const expected = readings.filter((r) => r.machine === key).map((r) => r.seq);
      expect(read.filter((r) => r.key === key).map((r) => r.value.seq)).toEqual(expected);
    }
  });
});
