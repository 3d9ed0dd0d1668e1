// README "filterStaleOrders". Hidden prelude: a store holding four orders (one stale, one with an
// impossible date).
import { MemoryObjectStore } from '@sluice/core';

const store = new MemoryObjectStore();
await store.put(
  'raw/orders.csv',
  [
    'OrderID,Status,OrderDate',
    'O1,pending,2025-05-01', // 60 days old on 2025-06-30: stale
    'O2,pending,2025-05-31', // exactly 30 days: kept
    'O3,shipped,2025-01-01',
    'O4,pending,2025-02-30',
    '',
  ].join('\n'),
);

// #region readme
import { encodeJsonLines } from '@sluice/core';
import { filterStaleOrders } from '@sluice/transforms/orders';

const run = await filterStaleOrders(await store.get('raw/orders.csv'), {
  file: 'raw/orders.csv',
  asOf: '2025-06-30', // default: today, from the injected `now`
  timeZone: 'Europe/Paris',
});
await store.put('processed/orders.csv', run.csv); // reading the output drives the run
await store.put('quarantine/orders.jsonl', encodeJsonLines(run.rejections));
const report = run.report(); // { read: 4, kept: 2, dropped: { stale: 1 }, rejected: { 'invalid-date': 1 }, lines: 5, ... }
// #endregion

export const ran = { store, report };
