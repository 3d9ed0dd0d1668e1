import { describe, expect, it } from 'vitest';
import { FirehoseRecordMismatchError, FirehoseResponseTooLargeError } from './errors.js';
import { parseFirehoseEvent } from './firehose-event.js';
import {
  firehoseDropped,
  firehoseFailed,
  firehoseOk,
  firehoseResponse,
  LAMBDA_SYNC_RESPONSE_LIMIT_BYTES,
} from './firehose-response.js';
import clicks from './fixtures/events/firehose/clickstream-transformation.json' with { type: 'json' };
import kinesisSource from './fixtures/events/firehose/kinesis-source-transformation.json' with {
  type: 'json',
};

const request = parseFirehoseEvent(clicks);
const [first, second, third] = request.records.map((record) => record.recordId) as [string, string, string];

describe('parseFirehoseEvent', () => {
  it('reads invocation id, stream ARN and records with their ids, data and arrival time', () => {
    expect(request.invocationId).toBe('invocationIdExample');
    expect(request.deliveryStreamArn).toBe(
      'arn:aws:firehose:us-east-1:123456789012:deliverystream/clickstream',
    );
    expect(request.records[0]).toMatchObject({
      recordId: '49546986683135544286507457936321625675700192471156785154',
      approximateArrivalTimestamp: 1495072949453,
      position: { kind: 'message', messageId: '49546986683135544286507457936321625675700192471156785154' },
    });
    expect(request.records).toHaveLength(3);
  });

  it('reads requests from a delivery stream fed by a Kinesis stream', () => {
    expect(parseFirehoseEvent(kinesisSource).records.map((r) => r.data)).toEqual(['SGVsbG8gV29ybGQ=']);
  });
});

describe('firehoseResponse', () => {
  it('answers Ok with base64 data and partition keys, Dropped and ProcessingFailed with the original data', () => {
    const response = firehoseResponse(request, [
      firehoseOk(first, '{"a":1}\n', { datehour: '2022/09/11/23' }),
      firehoseFailed(second, request.records[1]!.data),
      firehoseDropped(third, request.records[2]!.data),
    ]);
    expect(response.records).toEqual([
      {
        recordId: first,
        result: 'Ok',
        data: Buffer.from('{"a":1}\n').toString('base64'),
        metadata: { partitionKeys: { datehour: '2022/09/11/23' } },
      },
      { recordId: second, result: 'ProcessingFailed', data: request.records[1]!.data },
      { recordId: third, result: 'Dropped', data: request.records[2]!.data },
    ]);
  });

  it('refuses a response with a missing, duplicated or unknown recordId, naming them', () => {
    const answers = [firehoseOk(first, 'x'), firehoseOk(first, 'y'), firehoseOk('not-in-request', 'z')];
    expect(() => firehoseResponse(request, answers)).toThrow(FirehoseRecordMismatchError);
    try {
      firehoseResponse(request, answers);
    } catch (error) {
      expect(error).toMatchObject({
        missing: [second, third],
        duplicated: [first],
        unknown: ['not-in-request'],
      });
      expect((error as Error).message).toContain('invocationIdExample');
    }
  });

  it('refuses a response above 6 MB and accepts one just below', () => {
    const overhead = JSON.stringify(
      firehoseResponse({ invocationId: 'i', records: [{ recordId: first }] }, [firehoseOk(first, '')]),
    ).length;
    // base64 turns 3 bytes into 4 characters
    const fits = Math.floor((LAMBDA_SYNC_RESPONSE_LIMIT_BYTES - overhead) / 4) * 3;
    const one = { invocationId: 'big', records: [{ recordId: first }] };
    expect(() => firehoseResponse(one, [firehoseOk(first, new Uint8Array(fits))])).not.toThrow();
    expect(() => firehoseResponse(one, [firehoseOk(first, new Uint8Array(fits + 3))])).toThrow(
      FirehoseResponseTooLargeError,
    );
  });
});
