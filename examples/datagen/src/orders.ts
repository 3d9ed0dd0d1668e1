import { type DatasetOptions, type Line, resolve } from './options.js';
import { DAY_MS, isoDate, Random } from './random.js';

export interface OrdersOptions extends DatasetOptions {
  /** The day the demo filters "as of"; order dates fall in the 120 days before it. Default 2025-06-30. */
  asOf?: string;
}

export const ORDERS_HEADER = 'OrderID,CustomerID,OrderDate,Status,Amount';

const STATUSES = [
  ['confirmed', 35],
  ['shipped', 30],
  ['pending', 17],
  ['cancelled', 14],
  ['canceled', 3],
  ['Pending ', 1],
] as const;

const DIRTY = ['impossible-date', 'text-date', 'missing-status', 'ragged', 'unknown-status'] as const;

/**
 * Orders CSV shaped like the seed 000 input (`OrderID,CustomerID,OrderDate,Status,Amount`).
 *
 * @example for (const line of ordersCsv({ rows: 1000 })) out.write(line);
 */
export function* ordersCsv(options: OrdersOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  const asOf = Date.parse(`${options.asOf ?? '2025-06-30'}T00:00:00Z`);
  const customers = Math.max(50, Math.floor(rows / 10));
  const dates = Array.from({ length: 121 }, (_, days) => isoDate(asOf - days * DAY_MS));
  yield `${ORDERS_HEADER}\n`;
  for (let i = 1; i <= rows; i++) {
    const id = `O${String(i).padStart(8, '0')}`;
    const customer = `C${String(random.int(1, customers)).padStart(6, '0')}`;
    const date = dates[random.int(0, 120)] as string;
    const status = random.weighted(STATUSES);
    const amount = amountOf(random);
    const row = [id, customer, date, status, amount];
    yield `${(random.chance(dirty) ? spoil(row, random) : row).join(',')}\n`;
  }
}

function amountOf(random: Random): string {
  return Math.exp(random.normal(4.6, 0.9, 1.5, 8)).toFixed(2);
}

function spoil(row: string[], random: Random): string[] {
  const kind = random.pick(DIRTY);
  const [id, customer, date, status, amount] = row as [string, string, string, string, string];
  if (kind === 'impossible-date') return [id, customer, `${date.slice(0, 5)}02-30`, status, amount];
  if (kind === 'text-date') return [id, customer, 'yesterday', status, amount];
  if (kind === 'missing-status') return [id, customer, date, '', amount];
  if (kind === 'ragged') return [id, customer, date, status];
  return [id, customer, date, 'on-hold', amount];
}
