import { clicksJsonl } from './clicks.js';
import { customersCsv } from './customers.js';
import { eventsCsv } from './events.js';
import { manufacturingCsv } from './manufacturing.js';
import type { DatasetOptions, Line } from './options.js';
import { ordersCsv } from './orders.js';
import { transactionsJsonl } from './transactions.js';

export * from './clicks.js';
export * from './customers.js';
export * from './events.js';
export * from './manufacturing.js';
export * from './options.js';
export * from './orders.js';
export * from './random.js';
export * from './transactions.js';
export * from './write.js';

/** Every dataset by name, with the file extension it is written with. */
export const DATASETS: Record<
  string,
  { extension: 'csv' | 'jsonl'; generate: (options: DatasetOptions) => Iterable<Line> }
> = {
  orders: { extension: 'csv', generate: ordersCsv },
  clicks: { extension: 'jsonl', generate: clicksJsonl },
  manufacturing: { extension: 'csv', generate: manufacturingCsv },
  customers: { extension: 'csv', generate: customersCsv },
  transactions: { extension: 'jsonl', generate: transactionsJsonl },
  events: { extension: 'csv', generate: eventsCsv },
};
