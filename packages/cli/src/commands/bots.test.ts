import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFolder } from '../input-folder.js';
import { expectUsageError, sluice } from '../run-in-process.js';

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const T0 = Date.UTC(2019, 10, 1);
const at = (second: number, user: string, type = 'view') =>
  `2019-11-01 00:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} UTC,${type},1003461,2053013555631882655,electronics.smartphone,xiaomi,489.07,${user},s-${user}`;
const LINES = [
  // 520000001: two events a second for 6 s (12 in one 10 s window: high); 520000002: 7 (flag).
  ...Array.from({ length: 12 }, (_, i) => at(Math.floor(i / 2), '520000001')),
  ...Array.from({ length: 7 }, (_, i) => at(i + 1, '520000002')),
  ...Array.from({ length: 3 }, (_, i) => at(i + 2, '520000003')),
  at(60, '520000004'),
  at(2, '520000003'), // 58 s behind the newest event: its window has closed, so it is late
  at(61, '520000005', 'click'), // not an event type: rejected
];

type Detection = { key: string; windowStart: number; windowEnd: number; count: number; severity: string };
const summary = (result: Record<string, unknown> | undefined) =>
  ((result?.detections ?? []) as Detection[])
    .map((d) => [d.key, d.windowStart - T0, d.windowEnd - T0, d.count, d.severity])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));

describe('sluice bots detect', () => {
  const files = inputFolder('sluice-bots-', 'events.csv', `${[HEADER, ...LINES].join('\n')}\n`, 'per-file');
  /** `sluice bots detect` over the events file, rejects to r.jsonl, with these extra flags. */
  const detect = (...flags: string[]) =>
    sluice('bots', 'detect', '--input', files.input, '--rejects', join(files.dir, 'r.jsonl'), ...flags);

  it('flags users over the thresholds in 10 s tumbling windows and counts late and bad rows', async () => {
    const run = await detect();
    expect(run.code).toBe(0);
    expect(summary(run.result)).toEqual([
      ['520000001', 0, 10_000, 12, 'high'],
      ['520000002', 0, 10_000, 7, 'flag'],
    ]);
    expect(run.result?.report).toMatchObject({
      read: 25,
      kept: 23,
      dropped: { late: 1 },
      rejected: { schema: 1 },
    });
    expect(run.result).toMatchObject({ rejects: join(files.dir, 'r.jsonl'), rejected: 1 });
    expect(run.result).not.toHaveProperty('rejections');
  });

  it('writes rejected rows to <input name>.rejects.jsonl in the current folder when --rejects is not given', async () => {
    const cwd = process.cwd();
    const here = await mkdtemp(join(tmpdir(), 'sluice-bots-cwd-'));
    process.chdir(here);
    try {
      const run = await sluice('bots', 'detect', '--input', files.input);
      expect(run.result).toMatchObject({ rejects: 'events.csv.rejects.jsonl', rejected: 1 });
      const lines = (await readFile(join(here, 'events.csv.rejects.jsonl'), 'utf8')).trim().split('\n');
      expect(lines.map((line) => JSON.parse(line).position.line)).toEqual([26]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('streams rejected rows to --rejects as JSON Lines with their line', async () => {
    const rejects = join(files.dir, 'rejects.jsonl');
    const run = await sluice('bots', 'detect', '--input', files.input, '--rejects', rejects);
    expect(run.result?.rejects).toBe(rejects);
    const lines = (await readFile(rejects, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toMatchObject([{ reason: 'schema', position: { file: files.input, line: 26 } }]);
  });

  it('makes windows sliding with --slide', async () => {
    const run = await detect('--window', '10s', '--slide', '5s');
    // Seconds 0–4 of 520000001 fall in [-5 s, 5 s) too: 10 events, over the flag threshold only.
    expect(summary(run.result)).toEqual([
      ['520000001', -5_000, 5_000, 10, 'flag'],
      ['520000001', 0, 10_000, 12, 'high'],
      ['520000002', 0, 10_000, 7, 'flag'],
    ]);
  });

  it.each([
    [
      '1m',
      [
        ['520000001', 0, 60_000, 12, 'high'],
        ['520000002', 0, 60_000, 7, 'flag'],
      ],
    ],
    ['500ms', []],
  ])('reads --window %s as a duration', async (window, expected) => {
    const run = await detect('--window', window);
    expect(run.code).toBe(0);
    expect(summary(run.result)).toEqual(expected);
  });

  it('takes both thresholds', async () => {
    const run = await detect('--flag', '2', '--alert', '6');
    expect(summary(run.result).map((d) => [d[0], d[4]])).toEqual([
      ['520000001', 'high'],
      ['520000002', 'high'],
      ['520000003', 'flag'],
    ]);
  });

  it.each([
    [['--window', '10x'], /--window must be a duration like 10s, 500ms or 1m, got "10x"/],
    [['--window', '0s'], /--window must be a duration/],
    [['--slide', 'soon'], /--slide must be a duration/],
    [['--window', '5s', '--slide', '10s'], /--slide \(10000 ms\) must not exceed --window \(5000 ms\)/],
    [['--flag=-1'], /--flag must be a whole number ≥ 0, got "-1"/],
    [['--alert=-3'], /--alert must be a whole number ≥ 0, got "-3"/],
    [['--flag', '12', '--alert', '5'], /--alert \(5\) must be at least --flag \(12\)/],
    [['--colour', 'red'], /unknown option --colour/],
  ])('exits 2 on bad arguments %j', async (flags, message) => {
    expectUsageError(await sluice('bots', 'detect', '--input', files.input, ...flags), message);
  });

  it('exits 2 without --input', async () => {
    expectUsageError(
      await sluice('bots', 'detect'),
      /^sluice: --input is required — usage: sluice bots detect --input FILE/,
    );
  });

  it.each([
    ['a missing file', () => join(files.dir, 'missing.csv'), 'no such file or folder'],
    ['a directory', () => files.dir, 'it is a folder'],
  ])('exits 1 with one line naming %s', async (_, file, code) => {
    const run = await sluice('bots', 'detect', '--input', file(), '--rejects', join(files.dir, 'r.jsonl'));
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^sluice: cannot read ${file()}: (.*${code}|it is not a file)`));
  });

  it('exits 1 naming a file that is not an events CSV', async () => {
    const orders = join(files.dir, 'orders.csv');
    await writeFile(orders, 'OrderID,Status\nO1,pending\n');
    const run = await sluice('bots', 'detect', '--input', orders, '--rejects', join(files.dir, 'r.jsonl'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(
        /cannot read .*orders\.csv: its header has no event_time, event_type, user_id column/,
      ),
    ]);
  });
});
