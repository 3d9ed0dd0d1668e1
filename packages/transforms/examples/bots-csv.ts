// README "detectBotsFromCsv" (the test runs it in a temporary folder). Hidden prelude: events.csv
// with one session's six views within 10 s, a ragged row and a row with an unreadable time.
import { writeFile } from 'node:fs/promises';
import type { Rejection } from '@sluice/core';

const header = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const view = (second: number) =>
  `2019-11-01 00:00:0${second} UTC,view,1003461,2053013555631882655,,xiaomi,489.07,520088904,s-1`;
await writeFile(
  'events.csv',
  [header, ...[0, 1, 2, 3, 4, 5].map(view), 'ragged,row', 'someday,view,1,2,,x,1.0,5,s-2', ''].join('\n'),
);
const quarantine = {
  rejections: [] as Rejection[],
  write: (r: Rejection) => void quarantine.rejections.push(r),
};

// #region readme
import { createReadStream } from 'node:fs';
import { detectBotsFromCsv } from '@sluice/transforms/bots';

const run = await detectBotsFromCsv(createReadStream('events.csv', { highWaterMark: 1 << 20 }), {
  file: 'events.csv',
  keyBy: 'user_session',
  onRejected: (rejection) => quarantine.write(rejection),
});
// run.report: { read, kept, dropped: { late, 'no-key', 'blank-line' }, rejected: { schema, 'ragged-row' }, lines, ... }
// #endregion

export const ran = { run, quarantined: quarantine.rejections };
