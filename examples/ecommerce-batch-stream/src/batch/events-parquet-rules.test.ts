import { findBotEventColumns } from '@sluice/transforms/bots';
import { describe, expect, it } from 'vitest';
import { EventsParquetRules } from './events-parquet-rules.js';

const HEADER = [
  'event_time',
  'event_type',
  'product_id',
  'category_id',
  'category_code',
  'brand',
  'price',
  'user_id',
  'user_session',
];
const event = (time: string, price = '1.50') => [
  time,
  'view',
  '1003461',
  '2053013555631882655',
  'electronics.smartphone',
  'xiaomi',
  price,
  '520088904',
  's-1',
];

describe('EventsParquetRules', () => {
  const rules = () => new EventsParquetRules(findBotEventColumns({ header: HEADER }, 'events.csv'));
  const record = (line: number, fields: string[], endLine = line) => ({ line, endLine, fields });

  it('knows the line of every kept row across rejected rows and quoted line breaks', () => {
    const read = rules();
    const verdicts = [
      read.record(record(2, event('2019-11-01 00:00:01 UTC'))),
      read.record(record(3, event('2019-11-01 00:00:02 UTC'))),
      read.record(record(4, event('2019-11-01 00:00:03 UTC', 'free'))),
      read.record(record(5, event('2019-11-01 23:59:59 UTC'), 6)),
      read.record(record(7, event('2019-11-02 00:00:00 UTC'))),
    ];
    expect(verdicts.map((v) => (v === 'keep' ? 'keep' : 'reject' in v ? v.reject : v.drop))).toEqual([
      'keep',
      'keep',
      'schema',
      'keep',
      'keep',
    ]);
    expect([0, 1, 2, 3, 4].map((index) => read.lineOf(index))).toEqual([2, 3, 5, 7, undefined]);
  });

  it('makes each kept event a row of its partition day, event time in epoch ms', async () => {
    const read = rules();
    read.record(record(2, event('2019-11-01 23:59:59 UTC')));
    read.record(record(3, event('2019-11-02 00:00:00 UTC')));
    await read.handOver();
    read.batches.close();
    const batches = [];
    for await (const batch of read.batches) batches.push(...batch);
    expect(batches.map((row) => [row.event_time, row.date])).toEqual([
      [Date.parse('2019-11-01T23:59:59Z'), '2019-11-01'],
      [Date.parse('2019-11-02T00:00:00Z'), '2019-11-02'],
    ]);
    expect(Object.keys(batches[0] ?? {})).toEqual([...HEADER, 'date']);
  });
});
