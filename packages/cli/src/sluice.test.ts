import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.js';

// The compiled command, as a user runs it: built once here, then spawned with plain Node.
const BUILD = fileURLToPath(new URL('../build.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../dist/sluice.js', import.meta.url));

const sluice = (args: string[], cwd?: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

beforeAll(() => {
  const build = spawnSync(process.execPath, [BUILD], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
});

describe('sluice help', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j lists every command and exits 0', (args) => {
    const run = sluice(args);
    expect(run.status).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(run.stdout).toContain(`  ${name}  `);
    expect(run.stderr).toBe('');
  });

  it.each(Object.keys(COMMANDS))('explains every option of %s with its default, both ways', (name) => {
    const viaHelp = sluice(['help', ...name.split(' ')]);
    const viaFlag = sluice([...name.split(' '), '--help']);
    expect([viaHelp.status, viaFlag.status]).toEqual([0, 0]);
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^usage: sluice ${name}`));
    for (const [option, spec] of Object.entries(COMMANDS[name]?.options ?? {})) {
      const row = viaHelp.stdout.split('\n').find((line) => line.startsWith(`  --${option} `)) ?? '';
      expect(row).toContain(spec.description);
      const shown = spec.required ? '(required)' : (spec.default ?? spec.defaultText ?? 'off');
      expect(row).toContain(shown);
    }
  });

  it('shows the defaults the stale-order filter runs with', () => {
    const text = sluice(['orders', 'filter', '--help']).stdout;
    expect(text).toMatch(/--max-age-days N .*\(default: 30\)/);
    expect(text).toMatch(/--rejects FILE .*\(default: OUTPUT\.rejects\.jsonl\)/);
  });
});

describe('the compiled command', () => {
  /** The packages a bundle file reaches through its static imports (chunks followed, not dynamic imports). */
  const reached = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec = ''] of source.matchAll(/^import\s(?:[^;]*?from\s*)?"([^"]+)"/gms)) {
      if (spec.startsWith('.')) reached(join(dirname(file), spec), seen);
      else seen.add(spec);
    }
    return seen;
  };

  it('loads no command for --help, and DuckDB only for the commands that query', () => {
    const entry = readFileSync(BIN, 'utf8');
    expect([...reached(BIN)].filter((spec) => !spec.startsWith('/'))).toEqual(['node:util']);
    // a command is a chunk of its own, or bundled whole under commands/
    const commands = [...entry.matchAll(/import\("(\.\/(?:chunks|commands)\/([a-z]+)[-.][^"]+)"\)/g)];
    expect(commands.map(([, , name]) => name).sort()).toEqual([
      'athena',
      'bots',
      'customers',
      'dashboard',
      'demo',
      'generate',
      'orders',
      'query',
      'transactions',
    ]);
    const duckdb = commands
      .filter(([, chunk = '']) => reached(join(dirname(BIN), chunk)).has('@duckdb/node-api'))
      .map(([, , name]) => name);
    // demo and dashboard reach it through what they import when they run (the examples, the engine)
    expect(duckdb.sort()).toEqual(['athena', 'query']);
  });
});

describe('sluice errors', () => {
  it.each([
    [[], 2, /^sluice: no command given — commands: demo, /],
    [['frobnicate'], 2, /^sluice: unknown command "frobnicate"/],
    [['help', 'frobnicate'], 2, /^sluice: unknown command "frobnicate"/],
    [
      ['orders', 'filter', '--colour', 'red'],
      2,
      /^sluice: unknown option --colour — usage: sluice orders filter/,
    ],
    [['orders', 'filter', '--input'], 2, /^sluice: --input needs a value — usage/],
    [
      ['orders', 'filter', '--input', '--output', 'x.csv'],
      2,
      /^sluice: --input needs a value; for a value that starts with "-" write --input=VALUE/,
    ],
    [['demo', '--serve=yes'], 2, /^sluice: --serve takes no value/],
    [['query', '--sql', 'SELECT 1', 'extra'], 2, /^sluice: unexpected argument "extra"/],
    [
      // thrown inside a command bundled whole: still the entry's usage error (exit 2, usage line)
      ['orders', 'filter', '--input', 'same.csv', '--output', './same.csv', '--as-of', '2025-06-30'],
      2,
      /^sluice: --output and --input are the same file \(\.\/same\.csv\) — usage: sluice orders filter/,
    ],
    [
      ['orders', 'filter', '--input', 'missing.csv', '--output', 'k.csv', '--as-of', '2025-06-30'],
      1,
      /^sluice: cannot read missing\.csv: no such file or folder$/,
    ],
  ])("%j exits %i with one line in the CLI's words", (args, status, message) => {
    const run = sluice(args, tmpdir());
    expect(run.status).toBe(status);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(message)]);
    expect(run.stderr).not.toMatch(/Unknown option|ambiguous|ERR_|\.part|options\.|at .*\.js/);
    expect(run.stdout).toBe('');
  });
});

describe('sluice orders filter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-bin-'));
    const generate = sluice(['generate', 'orders', '--rows', '2000', '--out', join(dir, 'orders.csv')]);
    expect(generate.status).toBe(0);
  });

  it('filters, writes rejects beside the output and prints counts and the rejects path only', async () => {
    const output = join(dir, 'kept.csv');
    const run = sluice([
      'orders',
      'filter',
      '--input',
      join(dir, 'orders.csv'),
      '--output',
      output,
      '--as-of',
      '2025-06-30',
    ]);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).sort()).toEqual(['rejected', 'rejects', 'report']);
    expect(result.rejects).toBe(`${output}.rejects.jsonl`);
    const { read, kept, dropped, rejected } = result.report;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(kept + sum(dropped) + sum(rejected)).toBe(read);
    expect(sum(rejected)).toBe(result.rejected);
    expect(lines(await readFile(result.rejects, 'utf8'))).toHaveLength(result.rejected);
    expect(lines(await readFile(output, 'utf8'))).toHaveLength(kept + 1);
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('leaves no temporary file when killed mid-run', async () => {
    const big = join(dir, 'big.csv');
    const header = 'OrderID,CustomerID,OrderDate,Status,Amount\n';
    await writeFile(big, header + 'O1,C1,2025-06-01,pending,10.50\n'.repeat(1_500_000));
    const output = join(dir, 'killed.csv');
    const child = spawn(process.execPath, [
      BIN,
      'orders',
      'filter',
      '--input',
      big,
      '--output',
      output,
      '--as-of',
      '2025-06-30',
    ]);
    while (!existsSync(`${output}.part`)) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGTERM');
    const [code, signal] = await once(child, 'exit');
    expect([code, signal]).toEqual([null, 'SIGTERM']);
    expect((await readdir(dir)).filter((name) => name.startsWith('killed'))).toEqual([]);
  });
});
