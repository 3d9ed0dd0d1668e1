import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sluice } from '../run-in-process.js';

// The detector's option bounds through `sluice bots detect`: refused with exit 2 and one line naming
// the flag and its range, before any row is read; the widest allowed sliding windows run quickly.

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const row = (second: number, user: string) =>
  `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC,view,1003461,2053013555631882655,,xiaomi,489.07,${user},s-${user}`;

describe('sluice bots detect option bounds', () => {
  let input: string;
  let rejects: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-bots-options-'));
    input = join(dir, 'events.csv');
    rejects = join(dir, 'r.jsonl');
    const rows = Array.from({ length: 10 }, (_, i) => row(i, i % 2 ? '520000001' : '520000002'));
    await writeFile(input, `${[HEADER, ...rows].join('\n')}\n`);
  });
  const detect = (...flags: string[]) =>
    sluice('bots', 'detect', '--input', input, '--rejects', rejects, ...flags);

  it.each([
    [
      ['--window', '1m', '--slide', '1ms'],
      '--slide must be in [60ms, 1m] (--window / --slide <= 1000), got 1ms',
    ],
    [
      ['--window', '10m', '--slide', '1ms'],
      '--slide must be in [600ms, 10m] (--window / --slide <= 1000), got 1ms',
    ],
    [['--window', '1441m'], '--window must be in [1ms, 1440m], got 1441m'],
    [['--flag', '1000000001', '--alert', '1000000002'], '--flag must be in [0, 1000000000], got 1000000001'],
  ])('exits 2 on %j with one line naming the flag and its range', async (flags, message) => {
    const started = performance.now();
    const run = await detect(...flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain(message);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('runs the most sliding windows allowed (--window 1m --slide 60ms) over 10 rows in well under a second of work', async () => {
    const started = performance.now();
    const run = await detect('--window', '1m', '--slide', '60ms', '--flag', '4');
    expect(run.code).toBe(0);
    expect(run.result?.report).toMatchObject({ read: 10, kept: 10 });
    expect(run.result?.detections).not.toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
