import { BotEventColumnError } from '@sluice/transforms/bots';
import { describe, expect, it } from 'vitest';
import { readEventRows } from './event-rows.js';

const FILE = 'raw/events.csv';
const ROW = '2019-11-01 00:00:01 UTC,view,1,2,,xiaomi,1.00,520088904,s1';

async function rows(text: string) {
  const read = [];
  for await (const row of readEventRows([Buffer.from(text)], FILE)) read.push(row);
  return read;
}

describe('readEventRows', () => {
  it('keys rows by event field, whatever the header spelling, with file and line', async () => {
    const header =
      'Event Time,EVENT-TYPE,product_id,Category_ID,category code,Brand,price,User ID,user_session';
    expect(await rows(`${header}\r${ROW}\r`)).toEqual([
      {
        ok: true,
        value: {
          event_time: '2019-11-01 00:00:01 UTC',
          event_type: 'view',
          product_id: '1',
          category_id: '2',
          category_code: '',
          brand: 'xiaomi',
          price: '1.00',
          user_id: '520088904',
          user_session: 's1',
        },
        position: { kind: 'file', file: FILE, line: 2 },
      },
    ]);
  });

  it('loses only the line of a stray quote', async () => {
    const header =
      'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
    const body = [ROW, ROW.replace('xiaomi', '"xiaomi'), ...Array(50).fill(ROW)].join('\n');
    const read = await rows(`${header}\n${body}\n`);
    expect(read.filter((row) => row.ok)).toHaveLength(51);
    expect(read.filter((row) => !row.ok)).toMatchObject([{ rejection: { reason: 'unterminated-quote' } }]);
  });

  it('refuses a file without a required column, naming it', async () => {
    await expect(rows(`event_time,event_type,product_id,category_id,user_id\n${ROW}\n`)).rejects.toThrow(
      new BotEventColumnError(FILE, 'price', 'the event schema requires it'),
    );
  });
});
