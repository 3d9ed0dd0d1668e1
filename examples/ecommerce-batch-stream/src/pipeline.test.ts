import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBalanced, shardOf } from '@sluice/core';
import { eventsCsv } from '@sluice/datagen';
import type { KeyValueSink } from '@sluice/sinks/dynamodb';
import { type BotDetection, detectBots } from '@sluice/transforms/bots';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_BUCKET, eventsOutputKeys, KEYS } from './layout.js';
import { type LocalRunResult, runLocal, runLocalStream } from './local.js';

const ROWS = 3_000;
// Two rows no reader can accept: an unknown event type and a ragged line.
const BAD_LINES = ['2019-11-01 00:05:00 UTC,click,1,2,,,1.00,5,s-1\n', 'garbage,line\n'];

let csv: string;
let small: LocalRunResult;
type StreamRun = Omit<LocalRunResult, 'batch'>;
let large: StreamRun;
let sharded: StreamRun;

/** A table whose `atPut`-th put is written but answered with an error, as a lost response would be. */
function failOnce(table: KeyValueSink, atPut: number): KeyValueSink {
  let puts = 0;
  return {
    putIfAbsent: async (item, options) => {
      const result = await table.putIfAbsent(item, options);
      if (++puts === atPut) throw new Error('injected transient failure: response lost');
      return result;
    },
    upsert: (key, attributes, options) => table.upsert(key, attributes, options),
    updateIf: (key, update, options) => table.updateIf(key, update, options),
    writeBatch: (items, options) => table.writeBatch(items, options),
    get: (key, options) => table.get(key, options),
  };
}

async function eventsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ecommerce-'));
  await mkdir(join(dir, EVENTS_BUCKET, 'raw'), { recursive: true });
  await writeFile(join(dir, EVENTS_BUCKET, KEYS.rawEvents), csv);
  return dir;
}

beforeAll(async () => {
  csv = [...eventsCsv({ rows: ROWS, seed: 4, bots: 0.1, dirty: 0.03 }), ...BAD_LINES].join('');
  small = await runLocal({ dir: await eventsDir(), runner: { batchSize: 7 } });
  large = await runLocalStream({
    dir: await eventsDir(),
    runner: { batchSize: 250, maxRetryAttempts: 3 },
    wrapTable: (table) => failOnce(table, 3),
  });
  // The demo's table is in memory; this run keeps the SDK path against dynalite covered.
  sharded = await runLocalStream({
    dir: await eventsDir(),
    runner: { batchSize: 50, shardCount: 2 },
    table: 'dynalite',
  });
}, 60_000);

/** The file's rows as the header names them, read with a plain split (the generator never quotes). */
function rows(): Record<string, string>[] {
  const [header = '', ...lines] = csv.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? `extra${i}`, v])));
}

const asDetection = (item: Record<string, unknown>): BotDetection => ({
  key: String(item.key),
  windowStart: Number(item.windowStart),
  windowEnd: Number(item.windowEnd),
  count: Number(item.count),
  severity: item.severity === 'high' ? 'high' : 'flag',
});
const byWindow = (a: BotDetection, b: BotDetection) =>
  a.windowStart - b.windowStart || a.key.localeCompare(b.key);

describe('stream path: bot detection', () => {
  const expected = () => detectBots(rows());

  it('stores exactly the detections of detectBots over the whole file, whatever the batch size', () => {
    const want = [...expected().detections].sort(byWindow);
    expect(want.length).toBeGreaterThan(3);
    expect(want.some((d) => d.severity === 'high')).toBe(true);
    expect(small.items.map(asDetection).sort(byWindow)).toEqual(want);
    expect(large.items.map(asDetection).sort(byWindow)).toEqual(want);
  });

  it('on two shards, finds what detectBots finds over each shard alone (each shard has its own watermark)', () => {
    const shards = [0, 1].map((shard) =>
      rows().filter((row) => shardOf(row.user_id || 'no-user', 2) === shard),
    );
    expect(shards.every((events) => events.length > 0)).toBe(true);
    const want = shards.flatMap((events) => detectBots(events).detections).sort(byWindow);
    expect(sharded.items.map(asDetection).sort(byWindow)).toEqual(want);
    expect(isBalanced(sharded.stream.report)).toBe(true);
    expect(sharded.stream.report.read).toBe(ROWS + BAD_LINES.length);
  });

  it('keeps one item per (key, windowStart), marked published', () => {
    const keys = new Set(small.items.map((item) => `${item.key}@${item.windowStart}`));
    expect(keys.size).toBe(small.items.length);
    expect(small.items.every((item) => item.published === true)).toBe(true);
  });

  it('redelivers a failed batch without duplicate items or alerts', async () => {
    expect(large.stream.stream.failedInvocations).toBe(1);
    expect(large.stream.stream.redelivered).toBeGreaterThan(0);
    expect(large.stream.stream.deadLettered).toBe(0);
    expect(large.stream.published.duplicate).toBeGreaterThan(0);
    // The put whose response was lost had created its item: the redelivery finds it as a duplicate.
    expect(large.stream.published.created).toBe(large.items.length - 1);
    const alerts = (await readFile(large.files.notifications, 'utf8')).trim().split('\n');
    expect(alerts).toHaveLength(large.items.filter((item) => item.severity === 'high').length);
  });

  it('alerts only for high severity, once per detection', async () => {
    const alerts = (await readFile(small.files.notifications, 'utf8')).trim().split('\n');
    const alerted = alerts.map((line) => JSON.parse(JSON.parse(line).message) as BotDetection);
    const high = expected().detections.filter((d) => d.severity === 'high');
    expect(alerted.sort(byWindow)).toEqual(high.sort(byWindow));
    expect(small.stream.published.alerts).toBe(high.length);
  });

  it('writes one EMF metric line per detection', async () => {
    const lines = (await readFile(small.files.metrics, 'utf8')).trim().split('\n');
    const documents = lines.map((line) => JSON.parse(line));
    expect(documents).toHaveLength(small.items.length);
    expect(documents[0]).toMatchObject({
      BotDetections: 1,
      _aws: { CloudWatchMetrics: [{ Namespace: 'Sluice/Ecommerce' }] },
    });
  });

  it('accounts for every row: late events counted, unreadable rows rejected', () => {
    for (const run of [small, large]) {
      const { report } = run.stream;
      expect(isBalanced(report)).toBe(true);
      expect(report.read).toBe(ROWS + BAD_LINES.length);
      expect(report.dropped.late).toBe(expected().report.dropped.late);
      expect(report.dropped.late).toBeGreaterThan(0);
      expect(report.rejected).toEqual({ schema: 1, 'ragged-row': 1 });
    }
  });
});

describe('batch path: insights', () => {
  const valid = () =>
    rows().filter(
      (row) =>
        ['view', 'cart', 'remove_from_cart', 'purchase'].includes(row.event_type ?? '') &&
        row.user_session !== undefined,
    );
  const day = (row: Record<string, string>) => (row.event_time ?? '').slice(0, 10);
  const rowsOf = (name: string) => small.batch.queries.find((q) => q.name === name)?.rows;

  it('writes every readable row to Parquet by date and quarantines the rest with file and line', async () => {
    const { report, files } = small.batch;
    expect(isBalanced(report)).toBe(true);
    expect(report).toMatchObject({ read: ROWS + 2, kept: ROWS, rejected: { schema: 1, 'ragged-row': 1 } });
    expect(files.every((key) => /^events\/date=\d{4}-\d{2}-\d{2}\/part-[\w-]+\.parquet$/.test(key))).toBe(
      true,
    );
    const quarantine = await readFile(
      join(small.files.bucket, eventsOutputKeys(KEYS.rawEvents).quarantine),
      'utf8',
    );
    expect(quarantine).toContain(`"line":${ROWS + 2}`);
    expect(quarantine).toContain(`"line":${ROWS + 3}`);
  });

  it('counts unique visitors per day as a recomputation does', () => {
    const users = new Map<string, Set<string>>();
    for (const row of valid()) users.set(day(row), (users.get(day(row)) ?? new Set()).add(row.user_id ?? ''));
    const want = [...users].sort().map(([date, set]) => ({ date, unique_visitors: set.size }));
    expect(rowsOf('unique_visitors_per_day')).toEqual(want);
  });

  it('computes cart abandonment per day as a recomputation does', () => {
    const sessions = new Map<string, { cart: boolean; purchase: boolean }>();
    for (const row of valid()) {
      const id = `${day(row)}|${row.user_session}`;
      const session = sessions.get(id) ?? { cart: false, purchase: false };
      session.cart ||= row.event_type === 'cart';
      session.purchase ||= row.event_type === 'purchase';
      sessions.set(id, session);
    }
    const days = new Map<string, { carted: number; abandoned: number }>();
    for (const [id, s] of sessions) {
      const date = id.split('|')[0] ?? '';
      const d = days.get(date) ?? { carted: 0, abandoned: 0 };
      if (s.cart) d.carted++;
      if (s.cart && !s.purchase) d.abandoned++;
      days.set(date, d);
    }
    const want = [...days].sort().map(([date, d]) => ({
      date,
      cart_sessions: d.carted,
      abandoned_sessions: d.abandoned,
      abandonment_rate: d.carted === 0 ? null : d.abandoned / d.carted,
    }));
    expect(rowsOf('cart_abandonment_per_day')).toEqual(want);
  });

  it('ranks categories per hour and weekday, and lists low-conversion brands above the view threshold', () => {
    const hours = rowsOf('top_categories_per_hour') ?? [];
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.every((r) => Number(r.place) <= 3)).toBe(true);
    const fridays = valid().filter((row) => day(row) === '2019-11-01' && row.category_code !== '');
    const counts = new Map<string, number>();
    for (const row of fridays)
      counts.set(row.category_code ?? '', (counts.get(row.category_code ?? '') ?? 0) + 1);
    const [top] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const friday = rowsOf('top_categories_per_weekday')?.filter((r) => r.weekday === 5);
    expect(friday?.[0]).toEqual({
      weekday: 5,
      weekday_name: 'Friday',
      category: top?.[0],
      events: top?.[1],
      place: 1,
    });
    const brands = rowsOf('low_conversion_brands') ?? [];
    expect(brands.length).toBeGreaterThan(0);
    expect(brands.every((b) => Number(b.views) >= 50 && Number(b.conversion_rate) < 0.05)).toBe(true);
  });
});
