import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sluice } from './run-in-process.js';

describe('sluice', () => {
  it('exits 2 with one line naming an unknown command', async () => {
    const run = await sluice('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^sluice: unknown command "frobnicate" — commands: .*generate.*demo/);
    expect(run.stdout).toEqual([]);
  });

  it('runs as a process and prints its result as JSON on the last stdout line', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'sluice-cli-')), 'orders.csv');
    const bin = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
    const child = spawnSync(process.execPath, [bin, 'generate', 'orders', '--rows', '10', '--out', out], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '');
    expect(result).toMatchObject({ dataset: 'orders', rows: 10, lines: 11 });
    expect((await readFile(out, 'utf8')).split('\n')[0]).toBe('OrderID,CustomerID,OrderDate,Status,Amount');
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
    [['generate', 'orders', '--out', 'x', '--colour', 'red'], /Unknown option '--colour'/],
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
