import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rejection } from '@sluice/core/outcome';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS,
  CORPUS_FILES,
  type CorpusEntry,
  corpusEntries,
  countsOf,
  isRefusal,
  reportCounts,
} from '../../core/test/csv-corpus/corpus.js';

// The bad-input corpus through the compiled `sluice` command, as a user runs it: one process per
// file. The command is built once into a private copy of this package (under node_modules, where its
// dependencies resolve), so a rebuild of dist/ by anyone else cannot pull it away mid-run.

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(PACKAGE, 'node_modules', '.cache');
let copy = '';
let work = '';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  input: string;
  dir: string;
}
const runs = new Map<string, Ran>();

function argsFor(entry: CorpusEntry, input: string, dir: string): string[] {
  const name = entry.file.replace(/\.csv$/, '');
  if (entry.domain === 'orders')
    return [
      'orders',
      'filter',
      '--input',
      input,
      '--output',
      join(dir, `${name}.kept.csv`),
      '--as-of',
      CORPUS.orders.asOf,
    ];
  if (entry.domain === 'customers')
    return ['customers', 'score', '--input', input, '--output', join(dir, `${name}.scored.jsonl`)];
  return ['bots', 'detect', '--input', input]; // rejects default to <input name>.rejects.jsonl in the folder it runs in
}

function run(entry: CorpusEntry): Promise<Ran> {
  const input = join(CORPUS_FILES, entry.file);
  const dir = join(work, entry.file);
  mkdirSync(dir);
  const child = spawn(process.execPath, [join(copy, 'dist', 'sluice.js'), ...argsFor(entry, input, dir)], {
    cwd: dir,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (text) => {
    stdout += text;
  });
  child.stderr.on('data', (text) => {
    stderr += text;
  });
  return new Promise((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr, input, dir })),
  );
}

/** Runs every file, two processes at a time (the machine has two cores). */
async function runAll(entries: CorpusEntry[]): Promise<void> {
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) runs.set(entry.file, await run(entry));
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  mkdirSync(CACHE, { recursive: true });
  copy = mkdtempSync(join(CACHE, 'corpus-cli-'));
  for (const part of ['build.mjs', 'package.json', 'src'])
    cpSync(join(PACKAGE, part), join(copy, part), { recursive: true });
  const build = spawnSync(process.execPath, [join(copy, 'build.mjs')], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  work = mkdtempSync(join(CACHE, 'corpus-runs-'));
  await runAll(CORPUS.files);
}, 120_000);

afterAll(() => {
  for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const rejectsLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Rejection);

function expectRefused(ran: Ran) {
  expect(ran.status, ran.stderr).toBe(1);
  const lines = ran.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sluice: /);
  expect(lines[0]).toContain(ran.input);
  expect(ran.stdout).toBe('');
  expect(readdirSync(ran.dir)).toEqual([]); // no output, no rejects file, no .part
}

function expectRun(entry: CorpusEntry, ran: Ran) {
  expect(ran.status, ran.stderr).toBe(0);
  const result = JSON.parse(ran.stdout.trim().split('\n').at(-1) ?? '{}');
  const expected = countsOf(entry.expected.command, entry.file);
  expect(reportCounts(result.report)).toEqual(expected);
  const rejected = Object.values(expected.rejected).reduce((sum, n) => sum + n, 0);
  expect(result.rejected).toBe(rejected);
  const rejections = rejectsLines(resolve(ran.dir, result.rejects));
  expect(rejections).toHaveLength(rejected);
  for (const { position, message } of rejections) {
    expect(position).toMatchObject({ kind: 'file', file: ran.input, line: expect.any(Number) });
    const line = position?.kind === 'file' ? position.line : -1;
    expect(message.startsWith(`${ran.input}:${line}: `), message).toBe(true);
  }
  expect(readdirSync(ran.dir).filter((name) => name.endsWith('.part'))).toEqual([]);
}

describe.each(['orders', 'customers', 'events'] as const)(
  'the %s corpus through its sluice command',
  (domain) => {
    it.each(corpusEntries(domain).map((entry) => [entry.file, entry] as const))('%s', (_, entry) => {
      const ran = runs.get(entry.file);
      if (!ran) throw new Error(`${entry.file} was not run`);
      if (isRefusal(entry.expected.command)) expectRefused(ran);
      else expectRun(entry, ran);
      expect(existsSync(join(ran.dir, `${entry.file}.part`))).toBe(false);
    });
  },
);
