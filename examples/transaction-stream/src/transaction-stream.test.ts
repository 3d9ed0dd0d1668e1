import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBalanced, type Rejection, sum } from '@sluice/core';
import { transactionsJsonl, writeLines } from '@sluice/datagen';
import { JsonLinesNotifier } from '@sluice/sinks/local';
import type { DeliveryReport, Notification, Notifier } from '@sluice/sinks/notify';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExpectedOutcomes, expectedOutcomes, messageIdOf } from './fixtures/expected-outcomes.js';
import { runDemo } from './local.js';
import { runTransactionStream, type TransactionRunResult } from './local-run.js';

/** Throws once for one transaction (a throttled publish) and always refuses another (SNS down). */
class FaultyNotifier implements Notifier {
  readonly #calls = new Map<string, number>();

  constructor(
    readonly inner: Notifier,
    readonly flaky: string,
    readonly poisoned: string,
  ) {}

  async publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const id = String(notifications[0]?.attributes?.transactionId);
    const call = (this.#calls.get(id) ?? 0) + 1;
    this.#calls.set(id, call);
    if (id === this.flaky && call === 1) throw new Error('Rate exceeded');
    if (id !== this.poisoned) return this.inner.publish(notifications);
    const failed = notifications.map((record, index) => ({
      index,
      record,
      reason: 'InternalError',
      message: 'SNS is unavailable',
    }));
    return { sent: 0, retried: 0, rejected: [], failed };
  }
}

const readJsonLines = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

describe('transaction stream, end to end on dynalite', () => {
  let dir: string;
  let expected: ExpectedOutcomes;
  let run: TransactionRunResult;
  let fileRun: TransactionRunResult;
  let flaky: string;
  let poisoned: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'transaction-stream-'));
    const input = join(dir, 'messages.jsonl');
    await writeLines(input, transactionsJsonl({ rows: 240, seed: 3, dirty: 0.12 }), { progress: false });
    expected = expectedOutcomes((await readFile(input, 'utf8')).trimEnd().split('\n'));
    const stored = [...expected.stored.values()];
    // A confirmed order also sent twice: its first publish fails while its copy is still queued.
    flaky = stored.find((tx) => tx.status === 'confirmed' && tx.messages.length > 1)?.id ?? '';
    poisoned = stored.find((tx) => tx.status === 'pending' && tx.messages.length === 1)?.id ?? '';
    // The same run on dynalite (DynamoDB's protocol) and on the default local table.
    const runOn = (runDir: string, table: 'dynalite' | 'file') =>
      runTransactionStream({
        input,
        dir: runDir,
        notifier: new FaultyNotifier(
          new JsonLinesNotifier(join(runDir, 'notifications.jsonl')),
          flaky,
          poisoned,
        ),
        maxReceiveCount: 3,
        table,
        now: () => 0,
      });
    run = await runOn(dir, 'dynalite');
    fileRun = await runOn(await mkdtemp(join(tmpdir(), 'transaction-stream-file-')), 'file');
  }, 120_000);

  it('gives the same outcomes, queue account and table on the local file table as on dynalite', () => {
    const outcomes = ({ read, kept, dropped, rejected }: TransactionRunResult['report']) => ({
      read,
      kept,
      dropped,
      rejected,
    });
    const byId = (items: Record<string, unknown>[]) =>
      [...items].sort((a, b) => String(a.TransactionID).localeCompare(String(b.TransactionID)));
    expect(outcomes(fileRun.report)).toEqual(outcomes(run.report));
    expect(fileRun.queue).toEqual(run.queue);
    expect(fileRun.summary).toEqual(run.summary);
    expect(byId(fileRun.table)).toEqual(byId(run.table));
  });

  it('holds the dirt the test is about', () => {
    expect([flaky, poisoned].every(Boolean)).toBe(true);
    expect(expected.invalidJson.length * expected.schema.length * expected.conflicts.length).toBeGreaterThan(
      0,
    );
  });

  it('stores each valid transaction once with the status and total a recomputation gives', () => {
    const table = Object.fromEntries(
      run.table.map((item) => [item.TransactionID, [item.Status, item.TotalCents]]),
    );
    const recomputed = Object.fromEntries(
      [...expected.stored.values()].map((tx) => [tx.id, [tx.status, tx.totalCents]]),
    );
    expect(table).toEqual(recomputed);
  });

  it('notifies confirmed and pending transactions exactly once, after a transient failure too', async () => {
    const sent = await readJsonLines<Notification>(join(dir, 'notifications.jsonl'));
    const perTransaction = sent.map((n) => `${n.attributes?.transactionId} ${n.attributes?.kind}`).sort();
    const owed = [...expected.stored.values()]
      .filter((tx) => tx.status !== 'incomplete' && tx.id !== poisoned)
      .map((tx) => `${tx.id} ${tx.status === 'pending' ? 'large-order' : 'inventory'}`)
      .sort();
    expect(perTransaction).toEqual(owed);
    expect(perTransaction.filter((line) => line.startsWith(`${flaky} `))).toHaveLength(1);
    const notified = run.table
      .filter((item) => (item.Notification as { status?: string } | undefined)?.status === 'delivered')
      .map((item) => item.TransactionID);
    expect(notified.sort()).toEqual(owed.map((line) => line.split(' ')[0]).sort());
  });

  it('quarantines invalid JSON, schema failures and conflicts with their message ids', async () => {
    const quarantined = await readJsonLines<Rejection>(join(dir, 'quarantine.jsonl'));
    const idsOf = (reason: string) =>
      quarantined
        .filter((r) => r.reason === reason)
        .map((r) => (r.position?.kind === 'message' ? r.position.messageId : '?'));
    expect(idsOf('invalid-json')).toEqual(expected.invalidJson.map(messageIdOf));
    expect(idsOf('schema')).toEqual(expected.schema.map(messageIdOf));
    expect(idsOf('conflict')).toEqual(expected.conflicts.map(messageIdOf));
    expect(quarantined.every((r) => r.raw !== undefined && r.message !== '')).toBe(true);
  });

  it('dead-letters the message whose notification keeps failing, after maxReceiveCount deliveries', async () => {
    const [poisonMessage] = expected.stored.get(poisoned)?.messages ?? [];
    expect(run.queue).toMatchObject({ deadLettered: 1, redelivered: 1 + 2 });
    const letters = await readJsonLines<{ id: string; attempts: number; error?: string }>(
      join(dir, 'dead-letters.jsonl'),
    );
    expect(letters.map((l) => [l.id, l.attempts, l.error])).toEqual([
      [messageIdOf(poisonMessage ?? 0), 3, 'notification-failed: InternalError: SNS is unavailable'],
    ]);
  });

  it('accounts for every message: balanced report, duplicates dropped, nothing lost', async () => {
    const { report, queue } = run;
    expect(isBalanced(report)).toBe(true);
    expect(queue.received).toBe(report.read + queue.deadLettered);
    const copies = sum(
      Object.fromEntries([...expected.stored.values()].map((tx) => [tx.id, tx.messages.length - 1])),
    );
    expect(report.dropped).toEqual(copies > 0 ? { duplicate: copies } : {});
    expect(report.rejected.conflict).toBe(expected.conflicts.length);
    expect(
      run.summary.statuses.confirmed + run.summary.statuses.pending + run.summary.statuses.incomplete,
    ).toBe(expected.stored.size - 1);
    const [metrics] = await readJsonLines<Record<string, unknown>>(join(dir, 'metrics.log'));
    expect(metrics).toMatchObject({ RecordsRead: report.read, Pipeline: 'transaction-stream' });
  });
});

describe('runDemo', () => {
  it('generates its data, runs the stream and returns JSON-ready results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'transaction-demo-'));
    const result = await runDemo({ dir, rows: 60, seed: 5, log: () => {} });
    const report = result.reports['process-transactions'];
    expect(report && isBalanced(report)).toBe(true);
    expect(result.summary).toMatchObject({ messages: 60, queue: { received: 60, deadLettered: 0 } });
    expect(result.queries.map((q) => q.name)).toEqual(['transactions by status', 'largest orders']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 60_000);

  it('processes every generated message, past the 1,000 the dynalite-backed demo used to stop at', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'transaction-demo-'));
    const result = await runDemo({ dir, rows: 2_500, seed: 5, log: () => {} });
    expect(result.summary).toMatchObject({ messages: 2_500, queue: { received: 2_500 } });
    const report = result.reports['process-transactions'];
    expect(
      (report?.read ?? 0) + Number((result.summary.queue as { deadLettered: number }).deadLettered),
    ).toBe(2_500);
  }, 60_000);
});
