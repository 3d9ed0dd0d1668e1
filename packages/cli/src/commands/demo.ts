import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PipelineReports } from '@sluice/example-dashboard';
import { integer } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';
import { DEMO_EXAMPLES, type DemoExample } from './demo-examples.js';
import { type PipelineRun, runPipelines } from './demo-processes.js';
import { describeResult } from './demo-text.js';

/**
 * `sluice demo`: the five reference pipelines on generated data, each run report and the top query
 * rows on stderr, everything under `--out`, and a snapshot of the dashboard as `index.html`.
 *
 * @example sluice demo --rows 100000 --only orders-dashboard --serve
 */
export const demo: CommandRun = async ({ values }, io) => {
  const out = typeof values.out === 'string' ? values.out : 'out/demo';
  const options = { rows: integer(values, 'rows', 20_000, 1), seed: integer(values, 'seed', 42) };
  const examples = selectExamples(typeof values.only === 'string' ? values.only : undefined);
  const runs = await runExamples(examples, out, options, io.stderr);
  const results = runs.map(({ page: _page, ...run }) => run);
  await writeFile(join(out, 'demo-summary.json'), `${JSON.stringify(results, null, 2)}\n`);
  const reports = Object.fromEntries(results.map(({ name, result }) => [name, result.reports]));
  const page = join(out, 'index.html');
  await writeFile(page, await dashboardSnapshot(out, runs));
  io.stderr(`dashboard snapshot: ${page}`);
  if (values.serve) await serve(out, integer(values, 'port', 8080), reports, io.stderr);
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
  const dirOf = (example: DemoExample) => join(out, example.name);
  await Promise.all(examples.map((example) => mkdir(dirOf(example), { recursive: true })));
  const requestOf = (example: DemoExample) => ({ name: example.name, out, dir: dirOf(example), ...options });
  return runPipelines(examples, options.rows, requestOf, {
    started: (example) =>
      log(`-- ${example.title}: running on ${options.rows} generated rows in ${dirOf(example)}`),
    log: (line) => log(`   ${line}`),
    ended: ({ title, result, elapsedMs }) => {
      for (const line of describeResult(title, result, elapsedMs)) log(line);
    },
  });
}

/**
 * The dashboard as a file: the page `sluice dashboard` serves over this run's output. Each pipeline's
 * process queried its own section when it ended; sections of pipelines not run (`--only`) are
 * queried here, over whatever an earlier run left in the folder. The page's module (vega) is loaded
 * only now: loaded earlier, this process would hold ~20 MB more while the pipelines run.
 */
async function dashboardSnapshot(out: string, runs: PipelineRun[]): Promise<string> {
  const { collectDemoSections } = await import('./demo-page.js');
  const { renderDashboardPage, SECTION_IDS } = await import('@sluice/example-dashboard');
  const parts = runs.map((run) => run.page);
  const missing = SECTION_IDS.filter((id) => !parts.some((part) => part.sections[0]?.id === id));
  if (missing.length > 0) parts.push(await collectDemoSections(out, missing, {}));
  const sections = parts.flatMap((part) => part.sections);
  const ordersMonth = parts.find((part) => part.ordersMonth)?.ordersMonth;
  return renderDashboardPage({
    engine: parts[0]?.engine ?? 'duckdb',
    generatedAt: new Date(),
    sections: SECTION_IDS.flatMap((id) => sections.filter((section) => section.id === id)),
    ...(ordersMonth && { ordersMonth }),
  });
}

async function serve(out: string, port: number, reports: PipelineReports, log: (line: string) => void) {
  const { startDashboard } = await import('./dashboard.js');
  const running = await startDashboard({ engine: 'duckdb', data: out }, port, reports);
  log(`dashboard of ${out} on ${running.url} (each refresh re-runs the queries; Ctrl-C to stop)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await running.close();
}
