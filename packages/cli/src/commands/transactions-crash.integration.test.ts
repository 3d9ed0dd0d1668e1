import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transactionsJsonl, writeLines } from '@sluice/datagen';
import { runTransactionStream } from '@sluice/example-transaction-stream';
import type { Notification } from '@sluice/sinks/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `sluice transactions run` killed (SIGKILL) at random moments, then run to completion, must leave
// the DynamoDB items and notifications of one clean run: the outbox makes the write and the
// notification owed one put, and the notifier drops an id it already wrote. Most kills come just
// after a notification reached the file, where a publish and its `delivered` mark are apart (the
// window that duplicated notifications); the others at a random time, start-up included. The kill
// schedule comes from a fixed seed; the command is built once into a private copy of this package
// (under node_modules, where its dependencies resolve), so a rebuild of dist/ cannot pull it away.

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(PACKAGE, 'node_modules', '.cache');
const SEED = 10;
const MESSAGES = 80;
const KILLS = 20;
const MAX_RUNS = 40;

let copy = '';
let work = '';
let input = '';

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** When to kill: after `ms`, or `ms` after the notifications file gained `lines` lines. */
type KillAt = { ms: number; lines?: number };

const linesIn = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
};

/** Runs the compiled command on `state`, sending SIGKILL at `kill` if it has not finished by then. */
function run(state: string, kill?: KillAt): Promise<Ran> {
  const started = performance.now();
  const argv = ['transactions', 'run', '--input', input, '--state', state];
  const child = spawn(process.execPath, [join(copy, 'dist', 'sluice.js'), ...argv], { stdio: 'ignore' });
  const timers: NodeJS.Timeout[] = [];
  const killIn = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
  if (kill?.lines === undefined && kill) killIn(kill.ms);
  if (kill?.lines !== undefined) {
    const file = join(state, 'notifications.jsonl');
    const target = linesIn(file) + kill.lines;
    const poll = setInterval(() => {
      if (linesIn(file) < target) return;
      clearInterval(poll);
      killIn(kill.ms);
    }, 1);
    timers.push(poll);
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      for (const timer of timers) clearTimeout(timer);
      resolve({ status, signal, ms: performance.now() - started });
    });
  });
}

/** mulberry32: a small seeded generator, so the kill schedule is the same on every run of the test. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The table after a run, read through the example's own runner on an empty input (it stores nothing). */
async function itemsOf(state: string): Promise<Record<string, unknown>[]> {
  const empty = join(work, 'empty.jsonl');
  writeFileSync(empty, '');
  const { table } = await runTransactionStream({ input: empty, dir: state, persist: true });
  // When a notification was marked differs between runs; what was stored and sent must not.
  return table
    .map((item): Record<string, unknown> => {
      const { deliveredAt, ...notification } = (item.Notification ?? {}) as Record<string, unknown>;
      expect(deliveredAt === undefined || typeof deliveredAt === 'string').toBe(true);
      return { ...item, Notification: notification };
    })
    .sort((a, b) => String(a.TransactionID).localeCompare(String(b.TransactionID)));
}

function notificationsOf(state: string): Notification[] {
  const text = readFileSync(join(state, 'notifications.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Notification);
}

const byId = (notes: readonly Notification[]) =>
  [...notes].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('sluice transactions run, killed at random points and rerun', () => {
  let clean: { items: Record<string, unknown>[]; notifications: Notification[] };
  let crashed: { items: Record<string, unknown>[]; notifications: Notification[] };
  let kills = 0;
  let killsAfterPublish = 0;
  let runs = 0;

  beforeAll(async () => {
    mkdirSync(CACHE, { recursive: true });
    copy = mkdtempSync(join(CACHE, 'crash-cli-'));
    for (const part of ['build.mjs', 'package.json', 'src']) {
      cpSync(join(PACKAGE, part), join(copy, part), { recursive: true });
    }
    const build = spawnSync(process.execPath, [join(copy, 'build.mjs')], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    work = mkdtempSync(join(CACHE, 'crash-runs-'));
    input = join(work, 'messages.jsonl');
    await writeLines(input, transactionsJsonl({ rows: MESSAGES, seed: SEED, dirty: 0.15 }), {
      progress: false,
    });

    const cleanState = join(work, 'clean');
    const reference = await run(cleanState);
    expect(reference.status).toBe(0);
    clean = { items: await itemsOf(cleanState), notifications: notificationsOf(cleanState) };

    // Each rerun starts over on the same state, as SQS redelivering after a crash would. Three kills
    // in four land 0-4 ms after 1-2 more notifications reached the file; one at a random time.
    const state = join(work, 'crashed');
    const random = seeded(SEED);
    while (kills < KILLS && runs < MAX_RUNS) {
      runs++;
      const afterPublish = runs % 4 !== 0;
      const kill = afterPublish
        ? { lines: 1 + Math.floor(random() * 2), ms: Math.floor(random() * 5) }
        : { ms: Math.round(reference.ms * random()) };
      const ran = await run(state, kill);
      if (ran.signal === 'SIGKILL') kills++;
      else expect(ran.status).toBe(0);
      if (ran.signal === 'SIGKILL' && afterPublish) killsAfterPublish++;
    }
    expect((await run(state)).status).toBe(0);
    crashed = { items: await itemsOf(state), notifications: notificationsOf(state) };
  }, 600_000);

  afterAll(() => {
    for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`was killed at least ${KILLS} times, most of them just after a publish`, () => {
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(killsAfterPublish).toBeGreaterThanOrEqual(KILLS / 2);
  });

  it('the clean run stored and notified something worth comparing', () => {
    expect(clean.items.length).toBeGreaterThan(10);
    expect(clean.notifications.length).toBeGreaterThan(5);
    expect(clean.items.every((item) => (item.Notification as { status?: string }).status !== 'pending')).toBe(
      true,
    );
  });

  it('leaves the DynamoDB items of the clean run: none missing, none extra, every notification delivered', () => {
    expect(crashed.items).toEqual(clean.items);
  });

  it('sends each notification exactly once: 0 duplicates, 0 missing', () => {
    const ids = crashed.notifications.map((n) => n.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(byId(crashed.notifications)).toEqual(byId(clean.notifications));
  });
});
