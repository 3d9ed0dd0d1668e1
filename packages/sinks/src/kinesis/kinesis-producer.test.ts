import { KinesisClient, PutRecordsCommand, type PutRecordsCommandInput } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { KinesisProducer } from './kinesis-producer.js';

/** A producer on stream `s` whose client accepts everything; `calls` holds each PutRecords input. */
function acceptingProducer<T>(partitionKey: (record: T, index: number) => string) {
  const calls: PutRecordsCommandInput[] = [];
  const client = new KinesisClient({ region: 'us-east-1' });
  mockClient(client)
    .on(PutRecordsCommand)
    .callsFake((input: PutRecordsCommandInput) => {
      calls.push(input);
      return {
        FailedRecordCount: 0,
        Records: (input.Records ?? []).map((_, i) => ({ SequenceNumber: `${i}`, ShardId: 's' })),
      };
    });
  return { producer: new KinesisProducer({ streamName: 's', client, partitionKey }), calls };
}

describe('KinesisProducer packing', () => {
  it('splits calls at 500 records', async () => {
    const { producer, calls } = acceptingProducer((_: number, i) => `k${i}`);
    const report = await producer.put(Array.from({ length: 1001 }, (_, i) => i));
    expect(calls.map((c) => c.Records?.length)).toEqual([500, 500, 1]);
    expect(report.sent).toBe(1001);
  });

  it('splits calls at 5 MiB of data and partition keys', async () => {
    const { producer, calls } = acceptingProducer((_: Uint8Array, i) => `k${i}`);
    await producer.put(Array.from({ length: 6 }, () => new Uint8Array(1_000_000)));
    expect(calls.map((c) => c.Records?.length)).toEqual([5, 1]);
  });

  it('rejects a bad record with its reason and still sends the others', async () => {
    const { producer } = acceptingProducer((r: { k: string; pad?: string }) => r.k);
    const report = await producer.put([{ k: 'a' }, { k: '' }, { k: 'b', pad: 'x'.repeat(1024 * 1024) }]);
    expect(report.sent).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'invalid-partition-key'],
      [2, 'too-large'],
    ]);
  });
});
