import {
  FirehoseClient,
  PutRecordBatchCommand,
  type PutRecordBatchCommandInput,
} from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { FirehoseProducer } from './firehose-producer.js';
import { FIREHOSE_LIMITS } from './limits.js';

const decoder = new TextDecoder();
const fast = { baseDelayMs: 1, maxDelayMs: 2 };

/** A mocked client; `refuse` decides per record text whether this call marks it failed. */
function firehose(
  calls: string[][],
  refuse: (text: string) => string | undefined = () => undefined,
): FirehoseClient {
  const client = new FirehoseClient({ region: 'us-east-1' });
  mockClient(client)
    .on(PutRecordBatchCommand)
    .callsFake((input: PutRecordBatchCommandInput) => {
      const texts = (input.Records ?? []).map((r) => decoder.decode(r.Data));
      calls.push(texts);
      const responses = texts.map((text) => {
        const code = refuse(text);
        return code
          ? { ErrorCode: code, ErrorMessage: `${code} for ${text.trim()}` }
          : { RecordId: `id-${text.trim()}` };
      });
      return {
        FailedPutCount: responses.filter((r) => 'ErrorCode' in r).length,
        RequestResponses: responses,
      };
    });
  return client;
}

describe('FirehoseProducer', () => {
  it('sends objects as JSON lines in calls of at most 500 records', async () => {
    const calls: string[][] = [];
    const producer = new FirehoseProducer({ deliveryStreamName: 'clicks', client: firehose(calls) });
    const report = await producer.put(Array.from({ length: 501 }, (_, i) => ({ i })));
    expect(calls.map((c) => c.length)).toEqual([500, 1]);
    expect(calls[0]?.[0]).toBe('{"i":0}\n');
    expect(report).toEqual({ sent: 501, retried: 0, rejected: [], failed: [] });
  });

  it('keeps each call under 4 MiB and rejects a record over 1000 KiB', async () => {
    const calls: string[][] = [];
    const producer = new FirehoseProducer<string>({ deliveryStreamName: 'clicks', client: firehose(calls) });
    const near = 'x'.repeat(FIREHOSE_LIMITS.bytesPerRecord);
    const report = await producer.put([near, near, near, near, near, `${near}!`]);
    expect(calls.map((c) => c.length)).toEqual([4, 1]);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([[5, 'too-large']]);
  });

  it('retries only the entries FailedPutCount reports, until they go through', async () => {
    const calls: string[][] = [];
    let refusals = 2;
    const refuse = (text: string) =>
      text.startsWith('b') && refusals-- > 0 ? 'ServiceUnavailableException' : undefined;
    const producer = new FirehoseProducer<string>({
      deliveryStreamName: 'clicks',
      client: firehose(calls, refuse),
      retry: fast,
    });
    const report = await producer.put(['a', 'b', 'c']);
    expect(calls).toEqual([['a', 'b', 'c'], ['b'], ['b']]);
    expect(report).toEqual({ sent: 3, retried: 2, rejected: [], failed: [] });
  });

  it('reports a record as failed, with the service error, when its attempts run out', async () => {
    const calls: string[][] = [];
    const producer = new FirehoseProducer<string>({
      deliveryStreamName: 'clicks',
      client: firehose(calls, (t) => (t === 'b' ? 'ServiceUnavailableException' : undefined)),
      retry: { ...fast, maxAttempts: 3 },
    });
    const report = await producer.put(['a', 'b']);
    expect(calls).toHaveLength(3);
    expect(report.failed).toEqual([
      {
        index: 1,
        record: 'b',
        reason: 'ServiceUnavailableException',
        message: 'ServiceUnavailableException for b',
      },
    ]);
  });
});
