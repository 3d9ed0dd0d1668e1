import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFolder } from '../input-folder.js';
import { expectUsageError, sluice } from '../run-in-process.js';

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
  const files = inputFolder('sluice-orders-', 'orders.csv', `${[HEADER, ...LINES].join('\n')}\n`);

  /** `sluice orders filter` as of 2025-06-30 on `from`, writing `to`, with any extra flags. */
  const filter = (from: string, to: string, ...flags: string[]) =>
    sluice('orders', 'filter', '--input', from, '--output', to, '--as-of', '2025-06-30', ...flags);

  it('keeps the fresh and non-stale orders byte for byte and prints the report', async () => {
    const output = join(files.dir, 'kept.csv');
    const rejects = join(files.dir, 'rejects.jsonl');
    const run = await filter(files.input, output, '--rejects', rejects);
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
      ['invalid-date', 5, files.input],
      ['missing-status', 7, files.input],
    ]);
  });

  it('writes rejected rows beside the output when --rejects is not given', async () => {
    const output = join(files.dir, 'kept.csv');
    const run = await filter(files.input, output);
    expect(run.code).toBe(0);
    expect(run.result?.rejects).toBe(`${output}.rejects.jsonl`);
    const lines = (await readFile(`${output}.rejects.jsonl`, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).position.line)).toEqual([5, 7]);
  });

  it('takes the age limit from --max-age-days', async () => {
    const output = join(files.dir, 'kept.csv');
    const run = await filter(files.input, output, '--max-age-days', '29');
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
      /unknown option --since/,
    ],
  ])('exits 2 on bad arguments %j', async (flags, message) => {
    expectUsageError(await sluice('orders', 'filter', ...flags), message);
  });

  it.each([
    ['a missing file', 'missing.csv'],
    ['a folder', '.'],
  ])('exits 1 with one line naming the input when it is %s', async (_, name) => {
    const missing = join(files.dir, name);
    const output = join(files.dir, 'kept.csv');
    const run = await filter(missing, output);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringContaining(`cannot read ${missing}`)]);
    await expect(stat(output)).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 naming the file when it has no status column, and leaves no file behind', async () => {
    await writeFile(files.input, 'OrderID,OrderDate\nO1,2025-06-01\n');
    const run = await filter(files.input, join(files.dir, 'k.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      `sluice: cannot read ${files.input}: its header has no status column (looked for status, orderstatus; found OrderID, OrderDate)`,
    ]);
    expect(await readdir(files.dir)).toEqual(['orders.csv']);
  });

  it('says an empty file has no header row rather than listing no columns', async () => {
    await writeFile(files.input, '');
    const run = await filter(files.input, join(files.dir, 'k.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([`sluice: cannot read ${files.input}: it has no header row`]);
  });

  it('exits 1 naming the output when its folder does not exist', async () => {
    const run = await filter(files.input, join(files.dir, 'nowhere', 'k.csv'));
    expect(run.stderr).toEqual([
      `sluice: cannot write ${join(files.dir, 'nowhere', 'k.csv')}: the folder ${join(files.dir, 'nowhere')} does not exist`,
    ]);
    expect(run.code).toBe(1);
  });

  it.each([
    ['--output is the input', (i: string) => ['--output', i], /--output and --input are the same file/],
    [
      '--output spells the input another way',
      (i: string) => ['--output', i.replace(/orders\.csv$/, './orders.csv')],
      /--output and --input/,
    ],
    [
      '--rejects is the input',
      (i: string) => ['--output', `${i}.kept`, '--rejects', i],
      /--rejects and --input/,
    ],
    [
      '--rejects is --output',
      (i: string) => ['--output', `${i}.kept`, '--rejects', `${i}.kept`],
      /--rejects and --output/,
    ],
  ])('refuses with exit 2 when %s, touching nothing', async (_, flags, message) => {
    const before = await readFile(files.input);
    const run = await sluice(
      'orders',
      'filter',
      '--input',
      files.input,
      '--as-of',
      '2025-06-30',
      ...flags(files.input),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(message)]);
    expect(await readFile(files.input)).toEqual(before);
    expect(await readdir(files.dir)).toEqual(['orders.csv']);
  });

  it('sees through a symbolic link to the input', async () => {
    await symlink(files.input, join(files.dir, 'link.csv'));
    const run = await filter(join(files.dir, 'link.csv'), files.input);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/--output and --input are the same file/);
  });

  it('streams many rejected rows to the file and prints only their count', async () => {
    const bad = Array.from({ length: 20_000 }, (_, i) => `B${i},C1,never,pending,1.00`);
    await writeFile(files.input, `${[HEADER, ...LINES, ...bad].join('\n')}\n`);
    const output = join(files.dir, 'kept.csv');
    const run = await filter(files.input, output);
    expect(run.result).toMatchObject({ rejects: `${output}.rejects.jsonl`, rejected: 20_002 });
    expect(run.stdout.at(-1)?.length).toBeLessThan(1000);
    const lines = (await readFile(`${output}.rejects.jsonl`, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(20_002);
    expect(JSON.parse(lines.at(-1) ?? '').position.line).toBe(20_007);
  });
});
