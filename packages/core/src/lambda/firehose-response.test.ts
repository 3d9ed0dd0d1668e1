import { describe, expect, it } from 'vitest';
import { FirehoseRecordMismatchError, FirehoseResponseTooLargeError } from './errors.js';
import { parseFirehoseEvent } from './firehose-event.js';
import * as response from './firehose-response.js';
import clicks from './fixtures/events/firehose/clickstream-transformation.json' with { type: 'json' };

const { firehoseDropped, firehoseFailed, firehoseOk, firehoseResponse, LAMBDA_SYNC_RESPONSE_LIMIT_BYTES } =
  response;

const request = parseFirehoseEvent(clicks);
const [first, second, third] = request.records.map((record) => record.recordId) as [string, string, string];

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

  it('accepts each record answered once, in any order, and refuses a repeated id answered in place', () => {
    const ids = ['b', 'a', 'c'];
    const asked = { invocationId: 'i', records: ids.map((recordId) => ({ recordId })) };
    expect(
      firehoseResponse(
        asked,
        ids.map((id) => firehoseOk(id, id)),
      ).records,
    ).toHaveLength(3);
    expect(
      firehoseResponse(
        asked,
        ['c', 'b', 'a'].map((id) => firehoseOk(id, id)),
      ).records,
    ).toHaveLength(3);
    const repeated = { invocationId: 'i', records: ['a', 'a'].map((recordId) => ({ recordId })) };
    expect(() => firehoseResponse(repeated, [firehoseOk('a', '1'), firehoseOk('a', '2')])).toThrow(
      FirehoseRecordMismatchError,
    );
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
