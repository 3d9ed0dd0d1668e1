import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { transactionsJsonl, writeLines } from '@sluice/datagen';
import type { DemoResult } from './index.js';
import { runTransactionStream, type TransactionRunResult } from './local-run.js';
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
 * bodies), runs every one through the local SQS runner into the Lambda handler against an in-memory
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
  const run = await runTransactionStream({ input, dir: options.dir, log: options.log });
  await writeTableExport(options.dir, run.table);
  return {
    pipeline: 'transaction-stream',
    reports: { 'process-transactions': run.report },
    summary: { messages, ...run.summary, queue: run.queue },
    queries: [
      { name: 'transactions by status', rows: byStatus(run) },
      { name: 'largest orders', rows: largestOrders(run) },
    ],
  };
}

function byStatus(run: TransactionRunResult): Record<string, unknown>[] {
  const groups = new Map<string, { status: string; transactions: number; total: number }>();
  for (const item of run.table) {
    const status = String(item.Status);
    const group = groups.get(status) ?? { status, transactions: 0, total: 0 };
    group.transactions++;
    group.total += Number(item.TotalCents);
    groups.set(status, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.status.localeCompare(b.status))
    .map(({ status, transactions, total }) => ({ status, transactions, total: total / 100 }));
}

function largestOrders(run: TransactionRunResult): Record<string, unknown>[] {
  return [...run.table]
    .sort(
      (a, b) =>
        Number(b.TotalCents) - Number(a.TotalCents) ||
        String(a.TransactionID).localeCompare(String(b.TransactionID)),
    )
    .slice(0, 10)
    .map((item) => ({
      transaction_id: item.TransactionID,
      product_name: item.ProductName,
      quantity: item.Quantity,
      total: Number(item.TotalCents) / 100,
      status: item.Status,
    }));
}
