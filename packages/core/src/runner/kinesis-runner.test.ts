import { describe, expect, it } from 'vitest';
import { jsonData } from '../lambda/decoders.js';
import type { KinesisEvent } from '../lambda/kinesis-event.js';
import { kinesisBatchHandler } from '../lambda/kinesis-handler.js';
import { retryLater } from '../lambda/verdict.js';
import { manualClock } from './clock.js';
import { localPayloads } from './fixtures/local-payloads.js';
import { type KinesisInput, runKinesisStream, shardOf } from './kinesis-runner.js';
import { recording as recordingOf } from './recording-handler.js';

interface Reading {
  key: string;
  n: number;
}

const readings = (count: number, keys = ['M-1']): KinesisInput[] =>
  Array.from({ length: count }, (_, n) => {
    const key = keys[n % keys.length]!;
    return { partitionKey: key, data: { key, n } };
  });
const numbers = (event: KinesisEvent) =>
  event.Records.map((r) => (JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()) as Reading).n);

const recording = (respond?: (event: KinesisEvent, call: number) => unknown) =>
  recordingOf<KinesisEvent>(respond);

/** A handler that processes every record of the batch and reports the ones in `failing` on their first try. */
function reportsFirstTry(failing: Set<number>) {
  const tried = new Set<number>();
  return recording((event) => ({
    batchItemFailures: event.Records.flatMap((record, i) => {
      const n = numbers(event)[i]!;
      const fails = failing.has(n) && !tried.has(n);
      tried.add(n);
      return fails ? [{ itemIdentifier: record.kinesis.sequenceNumber }] : [];
    }),
  }));
}

describe('runKinesisStream', () => {
  it('delivers a source of chunks as it delivers the same records one by one', async () => {
    const failing = new Set([3, 7]);
    const oneByOne = reportsFirstTry(failing);
    const chunked = reportsFirstTry(failing);
    const options = () => ({ batchSize: 4, shardCount: 2, clock: manualClock() });
    const records = readings(11, ['M-1', 'M-2', 'M-3']);
    const expected = await runKinesisStream(records, oneByOne.handler, options());
    async function* chunks() {
      for (let start = 0; start < records.length; start += 5) yield records.slice(start, start + 5);
    }
    const report = await runKinesisStream({ chunks: chunks() }, chunked.handler, options());
    expect(chunked.events).toEqual(oneByOne.events);
    expect(report).toEqual(expected);
  });

  it('redelivers from the failed sequence number onward, and kinesisBatchHandler processes each record once', async () => {
    const processed: number[] = [];
    const attempts = new Map<number, number>();
    const handler = kinesisBatchHandler({
      decode: jsonData<Reading>(),
      process: ({ n }) => {
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        if (n === 2 && attempts.get(n) === 1) return retryLater('throttled');
        processed.push(n);
      },
      onReject: () => {},
    });
    const seen = recording((event) => handler(event));
    const report = await runKinesisStream(readings(5), seen.handler);
    expect(seen.events.map(numbers)).toEqual([
      [0, 1, 2, 3, 4],
      [2, 3, 4],
    ]);
    expect(processed).toEqual([0, 1, 2, 3, 4]);
    expect(report).toMatchObject({
      invocations: 2,
      received: 5,
      delivered: 8,
      redelivered: 3,
      acknowledged: 5,
    });
  });

  it('with failed-only redelivery, sends back only the reported records', async () => {
    const fromFailure = reportsFirstTry(new Set([2]));
    await runKinesisStream(readings(5), fromFailure.handler);
    expect(fromFailure.events.map(numbers)).toEqual([
      [0, 1, 2, 3, 4],
      [2, 3, 4],
    ]);
    const failedOnly = reportsFirstTry(new Set([2]));
    await runKinesisStream(readings(5), failedOnly.handler, { redelivery: 'failed-only' });
    expect(failedOnly.events.map(numbers)).toEqual([[0, 1, 2, 3, 4], [2]]);
  });

  it('dead-letters a poison record after maxRetryAttempts + 1 failures and moves on with the shard', async () => {
    const processed: number[] = [];
    const handler = kinesisBatchHandler({
      decode: jsonData<Reading>(),
      process: ({ n }) => (n === 1 ? retryLater('poison') : void processed.push(n)),
      onReject: () => {},
    });
    const report = await runKinesisStream(readings(3), handler, { maxRetryAttempts: 2 });
    expect(processed).toEqual([0, 2]);
    expect(report).toMatchObject({ invocations: 4, acknowledged: 2, deadLettered: 1 });
    expect(report.deadLetters).toEqual([
      {
        record: { partitionKey: 'M-1', data: { key: 'M-1', n: 1 } },
        id: expect.stringMatching(/^4959\d{52}$/),
        attempts: 3,
        reason: 'batch-item-failure',
      },
    ]);
  });

  it('redelivers the whole batch when the handler throws', async () => {
    const seen = recording((_, call) => {
      if (call === 1) throw new Error('out of memory');
    });
    const report = await runKinesisStream(readings(3), seen.handler);
    expect(seen.events.map(numbers)).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(report).toMatchObject({ failedInvocations: 1, redelivered: 3, acknowledged: 3 });
  });

  it('keeps each partition key in order across shards and failures, one shard per event', async () => {
    const keys = ['M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6'];
    const processed = new Map<string, number[]>();
    const attempts = new Map<number, number>();
    const handler = kinesisBatchHandler({
      decode: jsonData<Reading>(),
      process: ({ key, n }) => {
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        if (n % 7 === 3 && attempts.get(n)! < 3) return retryLater('flaky');
        processed.set(key, [...(processed.get(key) ?? []), n]);
      },
      onReject: () => {},
    });
    const seen = recording((event) => handler(event));
    const input = readings(60, keys);
    const report = await runKinesisStream(input, seen.handler, { shardCount: 3, batchSize: 4 });
    for (const key of keys) {
      expect(processed.get(key)).toEqual(
        input.filter((r) => r.partitionKey === key).map((_, i) => keys.indexOf(key) + 6 * i),
      );
    }
    for (const event of seen.events) {
      const shards = new Set(event.Records.map((r) => r.eventID.split(':')[0]));
      const sequence = event.Records.map((r) => r.kinesis.sequenceNumber);
      expect(shards.size).toBe(1);
      expect(sequence).toEqual([...sequence].sort());
    }
    expect(report).toMatchObject({ received: 60, acknowledged: 60, deadLettered: 0 });
  });

  it('builds events shaped like Lambda’s, with deterministic sequence numbers', async () => {
    const seen = recording();
    await runKinesisStream([{ partitionKey: 'M-1', data: 'hello' }], seen.handler, {
      streamName: 'readings',
    });
    expect(seen.events[0]?.Records[0]).toEqual({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'M-1',
        sequenceNumber: `49590000${'0'.repeat(47)}1`,
        data: 'aGVsbG8=',
        approximateArrivalTimestamp: expect.any(Number),
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:49590000${'0'.repeat(47)}1`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/local-stream-runner',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/readings',
    });
  });
});

describe('shardOf', () => {
  it('puts a partition key on the same shard every time, within range', () => {
    const shards = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => shardOf(key, 4));
    expect(shards).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => shardOf(key, 4)));
    expect(shards.every((s) => s >= 0 && s < 4)).toBe(true);
    expect(new Set(shards).size).toBeGreaterThan(1);
  });
});

describe('runKinesisStream hands payloads over without a base64 round trip', () => {
  it('decodes to what the same event, serialised as Lambda sends it, decodes to', async () => {
    const decode = jsonData();
    const local: unknown[] = [];
    const wire: unknown[] = [];
    const handler = kinesisBatchHandler({
      decode: (record) => decode(record),
      process: (value) => void local.push(value),
      onReject: (rejection) => void local.push(rejection.reason),
    });
    const copy = kinesisBatchHandler({
      decode: (record) => decode(record),
      process: (value) => void wire.push(value),
      onReject: (rejection) => void wire.push(rejection.reason),
    });
    const records = localPayloads().map((data) => ({ partitionKey: 'k', data }));
    await runKinesisStream(records, async (event) => {
      await copy(JSON.parse(JSON.stringify(event)) as KinesisEvent);
      return handler(event);
    });
    expect(local).toEqual(wire);
    expect(wire).toHaveLength(records.length);
  });
});
