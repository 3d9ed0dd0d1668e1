import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { integer } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';
import { DEMO_EXAMPLES, type DemoResult } from './demo-examples.js';
import { renderSummaryPage } from './demo-page.js';
import { serveDirectory } from './demo-server.js';
import { describeResult } from './demo-text.js';

/**
 * `sluice demo`: the five reference pipelines on generated data, each run report and the top query
 * rows on stderr, everything and a summary page under `--out`.
 *
 * @example sluice demo --rows 100000 --only orders-dashboard --serve
 */
export const demo: CommandRun = async ({ values }, io) => {
  const out = typeof values.out === 'string' ? values.out : 'out/demo';
  const options = { rows: integer(values, 'rows', 20_000, 1), seed: integer(values, 'seed', 42) };
  const examples = selectExamples(typeof values.only === 'string' ? values.only : undefined);
  const results = await runExamples(examples, out, options, io.stderr);
  const page = join(out, 'index.html');
  const summary = results.map(({ title, result }) => ({ title, result }));
  await writeFile(page, renderSummaryPage(summary, new Date().toISOString()));
  await writeFile(join(out, 'demo-summary.json'), `${JSON.stringify(results, null, 2)}\n`);
  io.stderr(`summary page: ${page}`);
  if (values.serve) await serve(out, integer(values, 'port', 8080), io.stderr);
  return {
    out,
    page,
    pipelines: results.map(({ name, elapsedMs, result }) => ({ name, elapsedMs, reports: result.reports })),
  };
};

function selectExamples(only: string | undefined) {
  if (!only) return DEMO_EXAMPLES;
  const names = only.split(',');
  const unknown = names.filter((name) => !DEMO_EXAMPLES.some((e) => e.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown pipeline "${unknown[0]}"; pick from ${DEMO_EXAMPLES.map((e) => e.name).join(', ')}`,
    );
  }
  return DEMO_EXAMPLES.filter((e) => names.includes(e.name));
}

async function runExamples(
  examples: typeof DEMO_EXAMPLES,
  out: string,
  options: { rows: number; seed: number },
  log: (line: string) => void,
) {
  const results: { name: string; title: string; elapsedMs: number; result: DemoResult }[] = [];
  for (const example of examples) {
    const dir = join(out, example.name);
    await mkdir(dir, { recursive: true });
    log(`-- ${example.title}: running on ${options.rows} generated rows in ${dir}`);
    const started = Date.now();
    const result = await example.run({ dir, ...options, log: (line) => log(`   ${line}`) });
    const elapsedMs = Date.now() - started;
    for (const line of describeResult(example.title, result, elapsedMs)) log(line);
    results.push({ name: example.name, title: example.title, elapsedMs, result });
  }
  return results;
}

async function serve(out: string, port: number, log: (line: string) => void): Promise<void> {
  const server = await serveDirectory(out, port);
  const address = server.address() as AddressInfo;
  log(`serving ${out} on http://127.0.0.1:${address.port}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => server.close(() => resolve())));
}
