import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS } from '@sluice/datagen';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from './commands.js';
import { sluice } from './run-in-process.js';

describe('sluice', () => {
  it('exits 2 with one line naming an unknown command', async () => {
    const run = await sluice('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(
      /^sluice: unknown command "frobnicate" — commands: demo, generate, orders filter, /,
    );
    expect(run.stdout).toEqual([]);
  });

  it('lists in its help the datasets that generate writes', () => {
    expect(DATASET_NAMES).toEqual(Object.keys(DATASETS));
  });
});

describe('sluice generate', () => {
  it('writes the dataset deterministically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-cli-'));
    const a = await sluice('generate', 'events', '--rows', '50', '--out', join(dir, 'a.csv'), '--seed', '3');
    const again = await sluice(
      'generate',
      'events',
      '--rows',
      '50',
      '--out',
      join(dir, 'b.csv'),
      '--seed',
      '3',
    );
    expect([a.code, again.code]).toEqual([0, 0]);
    expect(a.result).toMatchObject({ dataset: 'events', rows: 50, seed: 3 });
    expect(await readFile(join(dir, 'a.csv'))).toEqual(await readFile(join(dir, 'b.csv')));
  });

  it.each([
    [['generate', 'nope', '--out', 'x'], /unknown dataset "nope"/],
    [['generate', 'orders', '--rows=-3', '--out', 'x'], /--rows must be a whole number/],
    [['generate', 'orders', '--rows', 'many', '--out', 'x'], /--rows must be a whole number/],
    [['generate', 'orders', '--rows', '10'], /--out is required/],
    [['generate', 'orders', '--out', 'x', '--dirty', '2'], /--dirty must be a number in \[0, 1\]/],
    [['generate', 'orders', '--out', 'x', '--colour', 'red'], /unknown option --colour/],
  ])('rejects bad arguments %j with exit 2', async (argv, message) => {
    const run = await sluice(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(message);
    expect(run.stderr[0]).toContain('usage: sluice generate');
  });

  it('exits 1 with one line when the output cannot be written', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sluice-cli-')), 'a-file');
    await writeFile(file, 'not a directory');
    const run = await sluice('generate', 'orders', '--rows', '5', '--out', join(file, 'orders.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
  });
});
