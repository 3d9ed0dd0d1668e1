import { readFile, rm } from 'node:fs/promises';
import { outputFile } from '../data.js';
import { median } from '../harness.js';
import { timeAll } from '../process-time.js';
import type { CaseReport, Goal, Row } from '../report.js';
import type { BenchSettings } from './case.js';
import { BIN, buildCli } from './cli.js';

// `sluice demo --rows N` as a user runs it: the compiled command, one whole process (start-up,
// data generation, all five pipelines, queries, the dashboard page), wall time measured here and
// peak RSS from GNU time. Each pipeline's own time comes from the run's demo-summary.json.

const WALL_BUDGET_MS = 60_000;
const RSS_BUDGET_MB = 1024;
/** `sluice demo` without `--rows`: `pnpm bench demo --rows 20000`. */
const DEFAULT_SIZE = 20_000;
const DEFAULT_BUDGET_MS = 10_000;

interface Summary {
  name: string;
  elapsedMs: number;
  result: { reports: Record<string, { read: number }> };
}

/** Case: the whole demo at `rows` (1,000,000 by default), every pipeline, no caps. */
export async function demo({ rows, runs }: BenchSettings): Promise<CaseReport> {
  buildCli();
  const out = outputFile(`demo-${rows}`);
  await rm(out, { recursive: true, force: true });
  const command = [process.execPath, BIN, 'demo', '--rows', String(rows), '--out', out];
  const [timed] = await timeAll([{ name: `sluice demo --rows ${rows}`, command }], runs);
  const wallMs = median(timed?.wallMs ?? []);
  const rssMb = median(timed?.rssMb ?? []);
  const pipelines = JSON.parse(await readFile(`${out}/demo-summary.json`, 'utf8')) as Summary[];
  const rowsOut: Row[] = [
    {
      variant: 'whole process',
      rows,
      medianMs: wallMs,
      medianRssMb: rssMb,
      note: `${timed?.wallMs.length} runs`,
    },
    ...pipelines.map((p) => ({
      variant: `  ${p.name} (last run)`,
      rows: Math.max(...Object.values(p.result.reports).map((r) => r.read)),
      medianMs: p.elapsedMs,
      medianRssMb: 0,
    })),
  ];
  return {
    name: 'demo',
    title: '`sluice demo` as a user runs it, whole process (wall time, peak RSS from GNU time)',
    rows: rowsOut,
    goals: goals(rows, wallMs, rssMb),
    checks: { pipelines: pipelines.map((p) => p.name) },
  };
}

function goals(rows: number, wallMs: number, rssMb: number): Goal[] {
  if (rows === DEFAULT_SIZE) {
    const met = wallMs <= DEFAULT_BUDGET_MS;
    return [{ goal: 'default-size demo ≤ 10 s wall', measured: `${(wallMs / 1000).toFixed(1)} s`, met }];
  }
  if (rows !== 1_000_000) return [];
  return [
    {
      goal: `demo at 1M rows ≤ ${WALL_BUDGET_MS / 1000} s wall`,
      measured: `${(wallMs / 1000).toFixed(1)} s`,
      met: wallMs <= WALL_BUDGET_MS,
    },
    {
      goal: `demo at 1M rows ≤ ${RSS_BUDGET_MB} MB peak RSS`,
      measured: `${rssMb} MB`,
      met: rssMb <= RSS_BUDGET_MB,
    },
  ];
}
