import { describe, expect, it } from 'vitest';
import readings from './fixtures/events/kinesis/machine-readings.json' with { type: 'json' };
import { parseKinesisEvent, streamName } from './kinesis-event.js';
import { decodeBase64Bytes, decodeBase64Json, decodeBase64Text } from './payload.js';

const [valid, badBase64, badJson] = parseKinesisEvent(readings);

describe('parseKinesisEvent', () => {
  it('reads partition key, sequence number, shard, stream and position', () => {
    expect(valid).toMatchObject({
      partitionKey: 'M-001',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      shardId: 'shardId-000000000006',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      stream: 'machine-readings',
      approximateArrivalTimestamp: 1545084650.987,
      position: {
        kind: 'stream',
        stream: 'machine-readings',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
        partitionKey: 'M-001',
      },
    });
  });

  it('keeps shard order', () => {
    expect(parseKinesisEvent(readings).map((r) => r.partitionKey)).toEqual([
      'M-001',
      'M-003',
      'M-003',
      'M-002',
    ]);
  });

  it('takes the stream name from stream and consumer ARNs', () => {
    expect(streamName('arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream')).toBe('lambda-stream');
    expect(streamName('arn:aws:kinesis:us-east-2:123456789012:stream/clicks/consumer/c1:1600000000')).toBe(
      'clicks',
    );
  });
});

describe('decoding base64 data', () => {
  it('decodes bytes, text and JSON', () => {
    const text = '{"machine_id":"M-001","temperature":71.5}';
    expect(decodeBase64Bytes(valid!)).toMatchObject({ ok: true, value: new TextEncoder().encode(text) });
    expect(decodeBase64Text(valid!)).toMatchObject({ ok: true, value: text });
    expect(decodeBase64Json(valid!)).toMatchObject({
      ok: true,
      value: { machine_id: 'M-001', temperature: 71.5 },
    });
  });

  it('rejects invalid base64 with the stream position instead of decoding garbage', () => {
    const result = decodeBase64Json(badBase64!);
    expect(result).toMatchObject({
      ok: false,
      rejection: {
        reason: 'invalid-base64',
        position: {
          kind: 'stream',
          stream: 'machine-readings',
          sequenceNumber: '49590338271490256608559692540925702759324208523137515618',
        },
      },
    });
  });

  it('rejects invalid JSON with the stream position', () => {
    expect(decodeBase64Json(badJson!)).toMatchObject({
      ok: false,
      rejection: {
        reason: 'invalid-json',
        position: {
          kind: 'stream',
          sequenceNumber: '49590338271490256608559692541070768372231004525135265890',
        },
      },
    });
  });

  it('rejects bytes that are not UTF-8 when text is asked for', () => {
    const latin1 = {
      data: Buffer.from([0x43, 0x61, 0x66, 0xe9]).toString('base64'),
      position: valid!.position,
    };
    expect(decodeBase64Bytes(latin1).ok).toBe(true);
    expect(decodeBase64Text(latin1)).toMatchObject({ ok: false, rejection: { reason: 'invalid-utf8' } });
  });
});
