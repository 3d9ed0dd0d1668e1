import { describe, expect, it } from 'vitest';
import { parseFirehoseEvent } from '../lambda/firehose-event.js';
import { parseKinesisEvent } from '../lambda/kinesis-event.js';
import { parseS3Event } from '../lambda/s3-event.js';
import { parseSqsEvent } from '../lambda/sqs-event.js';
import { firehoseEvent } from './firehose-events.js';
import { kinesisEvent } from './kinesis-events.js';
import { s3PutEvent, s3RemoveEvent } from './s3-events.js';
import { sqsEvent } from './sqs-events.js';

describe('AWS-shaped event builders', () => {
  it('build S3 put and remove notifications whose keys decode back to the stored keys', () => {
    const put = s3PutEvent('orders', [{ key: 'raw/my orders+1.csv', size: 9 }, 'raw/ü.csv']);
    expect(put.Records[0]?.s3.object.key).toBe('raw/my+orders%2B1.csv');
    expect(parseS3Event(put).map(({ key, size }) => [key, size])).toEqual([
      ['raw/my orders+1.csv', 9],
      ['raw/ü.csv', 0],
    ]);
    expect(s3RemoveEvent('orders', 'raw/a.csv').Records[0]?.eventName).toBe('ObjectRemoved:Delete');
  });

  it('build SQS events with ids, receive counts and bodies the parser reads', () => {
    const event = sqsEvent(['{"a":1}', { body: { b: 2 }, receiveCount: 3, messageId: 'm-2' }], {
      queueName: 'transactions',
    });
    expect(
      parseSqsEvent(event).map((m) => [m.messageId, m.body, m.approximateReceiveCount, m.queue]),
    ).toEqual([
      ['00000000-0000-4000-8000-000000000001', '{"a":1}', 1, 'transactions'],
      ['m-2', '{"b":2}', 3, 'transactions'],
    ]);
  });

  it('build Kinesis events with increasing sequence numbers per shard and base64 JSON data', () => {
    const event = kinesisEvent([{ data: { id: 1 }, partitionKey: 'M-1' }, { data: 'text' }], {
      streamName: 'readings',
    });
    const [first, second] = parseKinesisEvent(event);
    expect([first?.stream, first?.partitionKey, first?.shardId]).toEqual([
      'readings',
      'M-1',
      'shardId-000000000000',
    ]);
    expect(BigInt(second?.sequenceNumber ?? 0) > BigInt(first?.sequenceNumber ?? 0)).toBe(true);
    expect(Buffer.from(first?.data ?? '', 'base64').toString()).toBe('{"id":1}');
  });

  it('build Firehose transformation requests', () => {
    const request = parseFirehoseEvent(
      firehoseEvent([{ data: 'a' }, { data: 'b', recordId: 'r-2', arrivedAt: 5 }]),
    );
    expect(request.records.map((r) => [r.recordId, r.approximateArrivalTimestamp])).toEqual([
      ['000000000001', 0],
      ['r-2', 5],
    ]);
  });
});
