import { describe, expect, it } from 'vitest';
import { LambdaEventShapeError } from './errors.js';
import { parseFirehoseEvent } from './firehose-event.js';
import clicks from './fixtures/events/firehose/clickstream-transformation.json' with { type: 'json' };
import kinesisSource from './fixtures/events/firehose/kinesis-source-transformation.json' with {
  type: 'json',
};

const request = parseFirehoseEvent(clicks);

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

describe('parseFirehoseEvent on the wrong trigger', () => {
  it('names the missing field', () => {
    expect(() => parseFirehoseEvent({ Records: [] })).toThrow(LambdaEventShapeError);
    expect(() => parseFirehoseEvent({ Records: [] })).toThrow('Firehose event: invocationId');
  });
});
