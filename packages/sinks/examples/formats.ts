// README "CSV and JSON Lines". Hidden prelude: a store and three rows, one with a column too many.
import { MemoryObjectStore } from '@sluice/core';

const store = new MemoryObjectStore();
const rows = [
  { orderid: 1, status: 'shipped' },
  { orderid: 2, status: 'pending', note: 'call back' },
  { orderid: 3, status: 'pending' },
];

// #region readme
import { writeCsv } from '@sluice/sinks/formats';

const file = await writeCsv(store, 'processed/orders.csv', rows, { columns: ['orderid', 'status'] });
// { key, rows: 2, bytes, rejected: [ { reason: 'csv-unexpected-column', message, position, raw } ] }
// #endregion

export const ran = { store, file };
