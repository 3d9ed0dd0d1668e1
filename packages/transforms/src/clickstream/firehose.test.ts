import { type FirehoseEventRecord, firehoseTransformHandler } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { enrichClickForFirehose } from './firehose.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');
const click = (created_at: string) =>
  JSON.stringify({ element_clicked: 'drink_3', time_spent: 14, source_menu: 'restaurant_name', created_at });
const record = (recordId: string, data: string): FirehoseEventRecord => ({
  recordId,
  data,
  approximateArrivalTimestamp: 1_662_937_200_000,
});
const handle = (records: FirehoseEventRecord[]) =>
  firehoseTransformHandler({ process: enrichClickForFirehose })({
    invocationId: 'i-1',
    deliveryStreamArn: 'arn:aws:firehose:eu-west-1:1:deliverystream/clicks',
    region: 'eu-west-1',
    records,
  });

describe('enrichClickForFirehose', () => {
  it('keeps one JSON line with a trailing newline and the datehour partition key', () => {
    const outcome = enrichClickForFirehose(record('r1', base64(click('2022–09–11 23:00:00'))));
    if (outcome.kind !== 'kept') throw new Error(`expected kept, got ${outcome.kind}`);
    expect(outcome.value.partitionKeys).toEqual({ datehour: '2022/09/11/23' });
    const line = String(outcome.value.data);
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
  ])('rejects (%s) %j', (reason, data) => {
    expect(enrichClickForFirehose(record('r9', data))).toMatchObject({ kind: 'rejected', reason });
  });
});

describe('enrichClickForFirehose with core firehoseTransformHandler', () => {
  it('answers every record in order with its own id, failed ones with their original data', async () => {
    const input = [
      record('a', base64(click('2022-09-11 23:00:00'))),
      record('b', '%%%'),
      record('c', base64('[1,')),
      record('d', base64(click('2022u201309u201312 01:30:00'))),
    ];
    const { records } = await handle(input);
    expect(records.map((r) => [r.recordId, r.result])).toEqual([
      ['a', 'Ok'],
      ['b', 'ProcessingFailed'],
      ['c', 'ProcessingFailed'],
      ['d', 'Ok'],
    ]);
    expect(records[1]?.data).toBe('%%%');
    expect(records[3]?.metadata?.partitionKeys.datehour).toBe('2022/09/12/01');
    expect(decode(records[0]?.data ?? '')).toContain('"datehour":"2022/09/11/23"');
  });

  it('fails a record with missing or null data alone', async () => {
    // Typed away by FirehoseEventRecord, but sent by a misbehaving producer or mapping.
    const missing = [
      { recordId: 'm', approximateArrivalTimestamp: 0 },
      { ...record('n', ''), data: null },
    ];
    const input = [record('a', base64(click('2022-09-11 23:00:00'))), ...missing] as FirehoseEventRecord[];
    const { records } = await handle(input);
    expect(records.map((r) => [r.recordId, r.result])).toEqual([
      ['a', 'Ok'],
      ['m', 'ProcessingFailed'],
      ['n', 'ProcessingFailed'],
    ]);
    expect(enrichClickForFirehose(missing[1] as never)).toMatchObject({
      kind: 'rejected',
      reason: 'missing-data',
    });
  });
});
