import {
  type FirehoseEventRecord,
  type FirehoseTransformationEvent,
  firehoseTransformHandler,
} from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { enrichClickForFirehose, enrichClickRecord, enrichClickRecords } from './firehose.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');
const click = (created_at: string) =>
  JSON.stringify({ element_clicked: 'drink_3', time_spent: 14, source_menu: 'restaurant_name', created_at });

const record = (recordId: string, data: string): FirehoseEventRecord => ({
  recordId,
  data,
  approximateArrivalTimestamp: 1_662_937_200_000,
});

describe('enrichClickRecord', () => {
  it('answers Ok with one JSON line, a trailing newline and the datehour partition key', () => {
    const { result, failure } = enrichClickRecord(record('r1', base64(click('2022–09–11 23:00:00'))));
    expect(failure).toBeUndefined();
    expect(result).toMatchObject({
      recordId: 'r1',
      result: 'Ok',
      metadata: { partitionKeys: { datehour: '2022/09/11/23' } },
    });
    const line = decode(result.data);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toMatchObject({
      item_category: 'drink',
      item_number: 3,
      created_at: '2022-09-11T23:00:00.000Z',
    });
  });

  it.each([
    ['undecodable', 'not base64!'],
    ['undecodable', base64('{"a":1}').slice(1)],
    ['undecodable', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64')],
    ['invalid-json', base64('{"element_clicked": "drink_3",')],
    ['invalid-json', ''],
    ['schema', base64('{"element_clicked": "drink_3"}')],
    ['invalid-created-at', base64(click('someday'))],
  ])('answers ProcessingFailed (%s), keeping the original data', (reason, data) => {
    const { result, failure } = enrichClickRecord(record('r9', data));
    expect(result).toEqual({ recordId: 'r9', result: 'ProcessingFailed', data });
    expect(failure).toMatchObject({ recordId: 'r9', reason });
    expect(failure?.message).toContain('r9');
  });
});

describe('enrichClickRecords', () => {
  it('answers every record in order with its own id and accounts for each', () => {
    const input = [
      record('a', base64(click('2022-09-11 23:00:00'))),
      record('b', '%%%'),
      record('c', base64('[1,')),
      record('d', base64(click('2022u201309u201312 01:30:00'))),
    ];
    const { records, failures, report } = enrichClickRecords(input, { now: () => 0 });
    expect(records.map((r) => [r.recordId, r.result])).toEqual([
      ['a', 'Ok'],
      ['b', 'ProcessingFailed'],
      ['c', 'ProcessingFailed'],
      ['d', 'Ok'],
    ]);
    expect(records[3]?.metadata?.partitionKeys.datehour).toBe('2022/09/12/01');
    expect(failures.map((f) => f.recordId)).toEqual(['b', 'c']);
    expect(report).toMatchObject({ read: 4, kept: 2, rejected: { undecodable: 1, 'invalid-json': 1 } });
  });
});

describe('a Firehose record with missing or null data', () => {
  // Typed away by FirehoseEventRecord, but sent by a misbehaving producer or mapping.
  const missing = [
    { recordId: 'm', approximateArrivalTimestamp: 0 },
    { ...record('n', ''), data: null },
  ];
  const input = [record('a', base64(click('2022-09-11 23:00:00'))), ...missing] as FirehoseEventRecord[];

  it('fails that record alone, in enrichClickRecords and through core firehoseTransformHandler', async () => {
    const { records, report } = enrichClickRecords(input, { now: () => 0 });
    expect(records.map((r) => [r.recordId, r.result, r.data === '' || r.result === 'Ok'])).toEqual([
      ['a', 'Ok', true],
      ['m', 'ProcessingFailed', true],
      ['n', 'ProcessingFailed', true],
    ]);
    expect(report).toMatchObject({ read: 3, kept: 1, rejected: { 'missing-data': 2 } });
    const handler = firehoseTransformHandler({ process: enrichClickForFirehose });
    const event = { invocationId: 'i-2', deliveryStreamArn: 'arn', region: 'eu-west-1', records: input };
    expect((await handler(event)).records).toEqual(records);
  });
});

describe('enrichClickForFirehose with core firehoseTransformHandler', () => {
  it('answers the same records the same way as enrichClickRecords', async () => {
    const records = [record('a', base64(click('2022-09-11 23:00:00'))), record('b', base64('nope'))];
    const handler = firehoseTransformHandler({ process: enrichClickForFirehose });
    const event = {
      invocationId: 'i-1',
      deliveryStreamArn: 'arn:aws:firehose:eu-west-1:1:deliverystream/clicks',
      region: 'eu-west-1',
      records,
    };
    const response = await handler(event satisfies FirehoseTransformationEvent);
    expect(response.records).toEqual(enrichClickRecords(records).records);
  });
});
