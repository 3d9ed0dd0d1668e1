import { runTransactionStream } from '@sluice/example-transaction-stream';
import { integer, required } from '../args.js';
import type { CommandRun } from '../command.js';

/**
 * `sluice transactions run`: seed 003 over a local file of SQS message bodies. DynamoDB (dynalite)
 * data and notifications are kept under `--state`, so running the same input again stores and
 * sends nothing anew: every valid message is then dropped as `duplicate`.
 *
 * @example sluice transactions run --input messages.jsonl --state out/transactions
 */
export const transactionsRun: CommandRun = async ({ values }, io) => {
  const run = await runTransactionStream({
    input: required(values, 'input'),
    dir: required(values, 'state'),
    persist: true,
    largeOrderThreshold: integer(values, 'large-order-threshold', 100, 0),
    maxReceiveCount: integer(values, 'max-receive-count', 3, 1),
    log: io.stderr,
  });
  const { statuses, notifications } = run.summary;
  // Dead-lettered messages never reach an outcome, so they are counted beside the report.
  return { report: run.report, summary: { statuses, notifications, deadLettered: run.queue.deadLettered } };
};
