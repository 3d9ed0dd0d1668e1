import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sluice } from '../run-in-process.js';

const HEADER = 'OrderID,CustomerID,OrderDate,Status,Amount';
const LINES = [
  'O1,C1,2025-06-01,pending,10.50', // 29 days old: kept
  'O2,C1,2025-04-01,Pending ,20.00', // stale
  'O3,C2,2025-05-31,cancelled,40.00', // exactly 30 days: kept
  'O4,C2,yesterday,shipped,5.00', // rejected, line 5
  'O5,C3,2025-01-15,shipped,"1,000.00"', // shipped orders never go stale
  'O6,C3,2025-03-01,,60.00', // rejected, line 7
];

describe('sluice orders filter', () => {
  let dir: string;
  let input: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-orders-'));
    input = join(dir, 'orders.csv');
    await writeFile(input, `${[HEADER, ...LINES].join('\n')}\n`);
  });

  /** `sluice orders filter` as of 2025-06-30 on `from`, writing `to`, with any extra flags. */
  const filter = (from: string, to: string, ...flags: string[]) =>
    sluice('orders', 'filter', '--input', from, '--output', to, '--as-of', '2025-06-30', ...flags);

  it('keeps the fresh and non-stale orders byte for byte and prints the report', async () => {
    const output = join(dir, 'kept.csv');
    const rejects = join(dir, 'rejects.jsonl');
    const run = await filter(input, output, '--rejects', rejects);
    expect(run.code).toBe(0);
    expect(run.result?.report).toMatchObject({
      read: 6,
      kept: 3,
      dropped: { stale: 1 },
      rejected: { 'invalid-date': 1, 'missing-status': 1 },
    });
    expect(await readFile(output, 'utf8')).toBe(`${[HEADER, LINES[0], LINES[2], LINES[4]].join('\n')}\n`);
    const entries = (await readFile(rejects, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.reason, e.position.line, e.position.file])).toEqual([
      ['invalid-date', 5, input],
      ['missing-status', 7, input],
    ]);
  });

  it('writes rejected rows beside the output when --rejects is not given', async () => {
    const output = join(dir, 'kept.csv');
    const run = await filter(input, output);
    expect(run.code).toBe(0);
    expect(run.result?.rejects).toBe(`${output}.rejects.jsonl`);
    const lines = (await readFile(`${output}.rejects.jsonl`, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).position.line)).toEqual([5, 7]);
  });

  it('takes the age limit from --max-age-days', async () => {
    const output = join(dir, 'kept.csv');
    const run = await filter(input, output, '--max-age-days', '29');
    expect(run.result?.report).toMatchObject({ kept: 2, dropped: { stale: 2 } });
  });

  it.each([
    [['--output', 'x.csv', '--as-of', '2025-06-30'], /--input is required/],
    [['--input', 'a.csv', '--as-of', '2025-06-30'], /--output is required/],
    [['--input', 'a.csv', '--output', 'x.csv'], /--as-of is required/],
    [['--input', 'a.csv', '--output', 'x.csv', '--as-of', '2025-02-30'], /--as-of must be a date/],
    [
      ['--input', 'a.csv', '--output', 'x.csv', '--as-of', '2025-06-30', '--max-age-days=-1'],
      /--max-age-days must be a whole number/,
    ],
    [
      ['--input', 'a.csv', '--output', 'x.csv', '--as-of', '2025-06-30', '--max-age-days', 'a month'],
      /--max-age-days must be a whole number/,
    ],
    [
      ['--input', 'a.csv', '--output', 'x.csv', '--as-of', '2025-06-30', '--since', '2025-01-01'],
      /Unknown option '--since'/,
    ],
  ])('exits 2 on bad arguments %j', async (flags, message) => {
    const run = await sluice('orders', 'filter', ...flags);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(message);
    expect(run.result).toBeUndefined();
  });

  it.each([
    ['a missing file', 'missing.csv'],
    ['a folder', '.'],
  ])('exits 1 with one line naming the input when it is %s', async (_, name) => {
    const missing = join(dir, name);
    const output = join(dir, 'kept.csv');
    const run = await filter(missing, output);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringContaining(`cannot read ${missing}`)]);
    await expect(stat(output)).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 naming the file when it has no status column', async () => {
    await writeFile(input, 'OrderID,OrderDate\nO1,2025-06-01\n');
    const run = await filter(input, join(dir, 'k.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringContaining(`${input}:1: no status column`)]);
  });
});
