import { type DatasetOptions, type Line, resolve } from './options.js';
import { Random } from './random.js';

const PRODUCTS = [
  'espresso beans',
  'oat milk',
  'paper cups',
  'croissant',
  'green tea',
  'bagel',
  'syrup, vanilla',
];

/**
 * SQS message bodies of seed 003 as JSON Lines: `{transaction_id, product_name, quantity, unit_price}`.
 * Ids are numbers or strings; quantities include zero/negative (incomplete) and large orders.
 * The dirty share mixes invalid JSON, schema-invalid bodies, redeliveries (same body again) and
 * conflicts (same id, different content).
 *
 * @example for (const line of transactionsJsonl({ rows: 200 })) out.write(line);
 */
export function* transactionsJsonl(options: DatasetOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  const recent: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const body = random.chance(dirty) ? spoil(random, recent, i) : JSON.stringify(transaction(random, i));
    if (recent.length >= 32) recent.shift();
    recent.push(body);
    yield `${body}\n`;
  }
}

function transaction(random: Random, i: number) {
  return {
    transaction_id: random.chance(0.5) ? 100_000 + i : `TX-${String(i).padStart(7, '0')}`,
    product_name: random.pick(PRODUCTS),
    quantity: random.weighted([
      [random.int(1, 20), 85],
      [random.int(101, 400), 8],
      [random.int(-2, 0), 5],
      [100, 1],
      [101, 1],
    ] as const),
    unit_price: Number(random.normal(6, 4, 0, 90).toFixed(2)),
  };
}

function spoil(random: Random, recent: string[], i: number): string {
  const kind = random.int(0, 4);
  const previous = recent.length > 0 ? random.pick(recent) : undefined;
  if (kind === 0) return '{"transaction_id": 1, "product_name": "broken';
  if (kind === 1) return JSON.stringify({ ...transaction(random, i), quantity: 1.5 });
  if (kind === 2) return JSON.stringify({ ...transaction(random, i), unit_price: -3 });
  if (kind === 3 && previous) return previous;
  if (previous?.startsWith('{"transaction_id"') && previous.endsWith('}')) {
    const conflict = JSON.parse(previous) as { quantity: number };
    return JSON.stringify({ ...conflict, quantity: conflict.quantity + 1 });
  }
  return JSON.stringify({ product_name: 'no id', quantity: 1, unit_price: 1 });
}
