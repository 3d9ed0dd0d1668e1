import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { transactionsJsonl, writeLines } from '@sluice/datagen';
import type { DemoResult } from './index.js';
import { runTransactionStream } from './local-run.js';
import { writeTableExport } from './table-export.js';

export interface DemoOptions {
  /** Everything is written under it: `input/messages.jsonl`, notifications, quarantine, metrics. */
  dir: string;
  /** Messages to send, every one processed. */
  rows: number;
  seed: number;
  log: (line: string) => void;
}

const OUTPUTS = ['notifications.jsonl', 'quarantine.jsonl', 'dead-letters.jsonl', 'metrics.log'];

/**
 * Seed 003 on one machine: generates SQS message bodies (with redeliveries, conflicts and invalid
 * bodies), runs every one through the local SQS runner into the Lambda handler against a local
 * table with DynamoDB's conditional writes, and reports statuses, notifications and the table's
 * contents.
 *
 * @example
 * const result = await runDemo({ dir: 'out/transactions', rows: 20_000, seed: 42, log: console.error });
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const messages = options.rows;
  const input = join(options.dir, 'input', 'messages.jsonl');
  await writeLines(input, transactionsJsonl({ rows: messages, seed: options.seed }), { progress: false });
  // Outputs are appended across runs; the demo starts each run afresh so it prints the same result.
  await Promise.all(OUTPUTS.map((name) => rm(join(options.dir, name), { force: true })));
  options.log(`transaction-stream: sending ${messages} messages`);
  const byStatus = new StatusTotals();
  const largest: Item[] = [];
  // The table is read once, item by item: exported, totalled, and its ten largest orders kept.
  const run = await runTransactionStream({
    input,
    dir: options.dir,
    log: options.log,
    readTable: (items) => writeTableExport(options.dir, tallied(items, byStatus, largest)).then(() => {}),
  });
  return {
    pipeline: 'transaction-stream',
    reports: { 'process-transactions': run.report },
    summary: { messages, ...run.summary, queue: run.queue },
    queries: [
      { name: 'transactions by status', rows: byStatus.rows() },
      { name: 'largest orders', rows: largestOrders(largest) },
    ],
  };
}

type Item = Record<string, unknown>;

async function* tallied(items: AsyncIterable<Item>, byStatus: StatusTotals, largest: Item[]) {
  for await (const item of items) {
    byStatus.add(item);
    keepLargest(largest, item);
    yield item;
  }
}

class StatusTotals {
  readonly #groups = new Map<string, { status: string; transactions: number; total: number }>();

  add(item: Item): void {
    const status = String(item.Status);
    const group = this.#groups.get(status) ?? { status, transactions: 0, total: 0 };
    group.transactions++;
    group.total += Number(item.TotalCents);
    this.#groups.set(status, group);
  }

  rows(): Record<string, unknown>[] {
    return [...this.#groups.values()]
      .sort((a, b) => a.status.localeCompare(b.status))
      .map(({ status, transactions, total }) => ({ status, transactions, total: total / 100 }));
  }
}

const byTotalDescending = (a: Item, b: Item) =>
  Number(b.TotalCents) - Number(a.TotalCents) ||
  String(a.TransactionID).localeCompare(String(b.TransactionID));

/** Keeps the ten largest orders seen so far, in order. */
function keepLargest(largest: Item[], item: Item): void {
  const last = largest[9];
  if (last && byTotalDescending(item, last) >= 0) return;
  largest.push(item);
  largest.sort(byTotalDescending);
  largest.length = Math.min(largest.length, 10);
}

function largestOrders(largest: Item[]): Record<string, unknown>[] {
  return largest.map((item) => ({
    transaction_id: item.TransactionID,
    product_name: item.ProductName,
    quantity: item.Quantity,
    total: Number(item.TotalCents) / 100,
    status: item.Status,
  }));
}
