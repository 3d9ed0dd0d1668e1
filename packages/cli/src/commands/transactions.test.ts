import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sluice } from '../run-in-process.js';

const MESSAGES = [
  '{"transaction_id":1001,"product_name":"oat milk","quantity":3,"unit_price":2.5}', // confirmed
  '{"transaction_id":"TX-2","product_name":"bagel","quantity":150,"unit_price":1.2}', // pending
  '{"transaction_id":"TX-3","product_name":"croissant","quantity":0,"unit_price":3}', // incomplete
  '{"transaction_id":1001,"product_name":"oat milk","quantity":3,"unit_price":2.5}', // redelivery
  '{"transaction_id":"1001","product_name":"oat milk ","unit_price":2.50,"quantity":3}', // same content
  '{"transaction_id":"TX-2","product_name":"bagel","quantity":151,"unit_price":1.2}', // conflict
  '{"transaction_id": 7, "product_name": "broken', // invalid JSON
  '{"transaction_id":"TX-8","product_name":"tea","quantity":1.5,"unit_price":1}', // schema
];

// Every run over MESSAGES reads all eight and rejects the same three; only kept and duplicates change.
const reportOf = (kept: number, duplicates: number) => ({
  read: 8,
  kept,
  dropped: { duplicate: duplicates },
  rejected: { conflict: 1, 'invalid-json': 1, schema: 1 },
});

const lines = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n');

describe('sluice transactions run', () => {
  let dir: string;
  let input: string;
  let state: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-transactions-'));
    input = join(dir, 'messages.jsonl');
    state = join(dir, 'state');
    await writeFile(input, `${MESSAGES.join('\n')}\n`);
  });
  /** `sluice transactions run` over the messages file and state folder, with these extra flags. */
  const runTransactions = (...flags: string[]) =>
    sluice('transactions', 'run', '--input', input, '--state', state, ...flags);

  it('stores, notifies and quarantines, then a replay stores and sends nothing anew', async () => {
    const first = await runTransactions();
    expect(first.code).toBe(0);
    expect(first.result).toMatchObject({
      report: reportOf(3, 2),
      summary: {
        statuses: { confirmed: 1, pending: 1, incomplete: 1 },
        notifications: { inventory: 1, largeOrder: 1 },
        deadLettered: 0,
      },
    });
    const sent = (await lines(join(state, 'notifications.jsonl'))).map((l) => JSON.parse(l));
    expect(sent.map((n) => [n.attributes.transactionId, n.attributes.kind])).toEqual([
      ['1001', 'inventory'],
      ['TX-2', 'large-order'],
    ]);

    const replay = await runTransactions();
    expect(replay.code).toBe(0);
    const nothingStored = { confirmed: 0, pending: 0, incomplete: 0 };
    const nothingSent = { inventory: 0, largeOrder: 0 };
    const nothingAnew = { statuses: nothingStored, notifications: nothingSent };
    expect(replay.result).toMatchObject({ report: reportOf(0, 5), summary: nothingAnew });
    expect(await lines(join(state, 'notifications.jsonl'))).toHaveLength(2);
  }, 60_000);

  it('counts orders above --large-order-threshold as pending', async () => {
    const run = await runTransactions('--large-order-threshold', '2');
    expect(run.result).toMatchObject({
      summary: { statuses: { confirmed: 0, pending: 2, incomplete: 1 }, notifications: { largeOrder: 2 } },
    });
  }, 60_000);

  it('quarantines rejected messages with their message ids', async () => {
    await runTransactions();
    const quarantined = (await lines(join(state, 'quarantine.jsonl'))).map((l) => JSON.parse(l));
    expect(quarantined.map((r) => [r.reason, r.position.messageId])).toEqual([
      ['conflict', '00000000-0000-4000-8000-000000000006'],
      ['invalid-json', '00000000-0000-4000-8000-000000000007'],
      ['schema', '00000000-0000-4000-8000-000000000008'],
    ]);
  }, 60_000);

  it('reads a UTF-8 BOM at the start of the input as no part of the first message', async () => {
    await writeFile(input, `\ufeff${MESSAGES.slice(0, 3).join('\r\n')}\r\n`);
    const run = await sluice('transactions', 'run', '--input', input, '--state', state);
    expect(run.result).toMatchObject({ report: { read: 3, kept: 3, rejected: {} } });
  }, 60_000);

  it.each([
    [['--state', 'x'], /--input is required/],
    [['--input', 'x'], /--state is required/],
    [
      ['--input', 'x', '--state', 'y', '--max-receive-count', '0'],
      /--max-receive-count must be a whole number ≥ 1/,
    ],
    [['--input', 'x', '--state', 'y', '--large-order-threshold', 'big'], /--large-order-threshold must be/],
    [['--input', 'x', '--state', 'y', '--queue', 'q'], /unknown option --queue/],
  ])('exits 2 with one line on bad arguments %j', async (argv, message) => {
    expectUsageError(await sluice('transactions', 'run', ...argv), message);
  });

  it.each([
    ['a missing file', (d: string) => join(d, 'missing.jsonl')],
    ['a directory', (d: string) => d],
  ])('exits 1 with one line naming the input when it is %s', async (_, inputOf) => {
    const missing = inputOf(dir);
    const run = await sluice('transactions', 'run', '--input', missing, '--state', state);
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain(`cannot read the transactions input ${missing}`);
  });
});
