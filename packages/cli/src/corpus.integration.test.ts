import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
import { buildCompiledCli, type CompiledCli, type CompiledRun } from './compiled-cli.js';

// The bad-input corpus through the compiled `sluice` command, as a user runs it: one process per file.

let cli: CompiledCli | undefined;

interface Ran extends CompiledRun {
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

async function run(compiled: CompiledCli, entry: CorpusEntry): Promise<Ran> {
  const input = join(CORPUS_FILES, entry.file);
  const dir = compiled.folder(entry.file);
  return { ...(await compiled.run(argsFor(entry, input, dir), { cwd: dir })), input, dir };
}

/** Runs every file, two processes at a time (the machine has two cores). */
async function runAll(entries: CorpusEntry[]): Promise<void> {
  const queue = [...entries];
  const worker = async () => {
    const compiled = cli as CompiledCli;
    for (let entry = queue.shift(); entry; entry = queue.shift())
      runs.set(entry.file, await run(compiled, entry));
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  cli = buildCompiledCli();
  await runAll(CORPUS.files);
}, 120_000);

afterAll(() => cli?.remove());

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
