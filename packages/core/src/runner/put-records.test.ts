import { describe, expect, it } from 'vitest';
import { PutRecordsStalledError } from './errors.js';
import type { KinesisInput } from './kinesis-runner.js';
import { acceptEveryRecord, type PutRecords, putOnStream } from './put-records.js';

const records = (n: number): KinesisInput[] =>
  Array.from({ length: n }, (_, i) => ({ partitionKey: `k${i % 3}`, data: { i } }));

async function taken(source: AsyncIterable<KinesisInput>): Promise<number[]> {
  const seen: number[] = [];
  for await (const record of source) seen.push((record.data as { i: number }).i);
  return seen;
}

describe('putOnStream', () => {
  it('puts in calls of at most 500 and yields every record the stream took', async () => {
    const calls: number[] = [];
    const put: PutRecords = async (batch) => {
      calls.push(batch.length);
      return acceptEveryRecord(batch);
    };
    expect(await taken(putOnStream(records(1_201), put, { stream: 's' }))).toHaveLength(1_201);
    expect(calls).toEqual([500, 500, 201]);
  });

  it('resends only the refused entries until the stream takes them', async () => {
    let first = true;
    const put: PutRecords = async (batch) => {
      const refused = first ? [1, 3] : [];
      first = false;
      return { refused: refused.filter((i) => i < batch.length) };
    };
    expect(await taken(putOnStream(records(5), put, { stream: 's' }))).toEqual([0, 2, 4, 1, 3]);
  });

  it('gives up with PutRecordsStalledError naming the stream after maxAttempts calls', async () => {
    const refuseAll: PutRecords = async (batch) => ({ refused: batch.map((_, i) => i) });
    const run = taken(putOnStream(records(2), refuseAll, { stream: 'readings', maxAttempts: 3 }));
    await expect(run).rejects.toThrow(PutRecordsStalledError);
    await expect(run).rejects.toThrow('readings: 2 record(s) still refused after 3 put attempts');
  });
});
