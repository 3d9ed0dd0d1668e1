import { mkdir, rm } from 'node:fs/promises';
import { outputFile } from '../data.js';
import type { VariantResult } from '../harness.js';
import { bundledTask, measure, outputMedian } from '../harness.js';
import type { CaseReport, Goal, Row } from '../report.js';
import { perSecond, ratio } from '../report.js';
import type { BenchSettings } from './case.js';

// Each stream pipeline of the examples end to end through its local runner (events built, handler
// invoked, sinks written) beside its transform alone over the same records, in-process; the ratio
// is what the runner and the sinks cost. Each variant runs in its own process (peak RSS its own);
// the rate counts the timed stage only, not data generation or process start.

const ALL_PIPELINES = ['clickstream', 'lake', 'transactions', 'bots'] as const;
const GOAL_PER_SECOND = 100_000;

/** `STREAM_PIPELINES=transactions,clickstream pnpm bench stream-pipelines` runs only those. */
function chosenPipelines(): readonly string[] {
  const named = process.env.STREAM_PIPELINES?.split(',').filter((name) => name !== '') ?? [];
  if (named.length === 0) return ALL_PIPELINES;
  const unknown = named.filter((name) => !(ALL_PIPELINES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`STREAM_PIPELINES: unknown ${unknown.join(', ')} (${ALL_PIPELINES.join(', ')})`);
  return named;
}

/** Case: records/s through each local runner and of each transform alone. */
export async function streamPipelines({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const pipelines = chosenPipelines();
  const results = new Map<string, VariantResult[]>();
  for (const pipeline of pipelines) {
    const variants = await Promise.all(
      (['runner', 'transform'] as const).map(async (mode) => ({
        name: `${pipeline} ${mode}`,
        command: await bundledTask(
          'stream-pipelines.ts',
          pipeline,
          mode,
          String(rows),
          await freshDir(pipeline, mode),
        ),
      })),
    );
    results.set(pipeline, await measure(variants, runs));
  }
  return {
    name: 'stream-pipelines',
    title:
      'each stream pipeline through its local runner, beside its transform alone (in-process stage time)',
    rows: pipelines.flatMap((pipeline) => rowsOf(results.get(pipeline) ?? [])),
    goals: pipelines.map((pipeline) => goal(pipeline, results.get(pipeline) ?? [])),
    checks: {
      records: Object.fromEntries(
        pipelines.map((p) => [p, (results.get(p) ?? []).map((r) => r.samples[0]?.output.records)]),
      ),
    },
  };
}

async function freshDir(pipeline: string, mode: string): Promise<string> {
  const dir = outputFile(`stream-${pipeline}-${mode}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

const rateOf = (result: VariantResult) =>
  perSecond(outputMedian(result, 'records'), outputMedian(result, 'stageMs'));

/** The stage's CPU time beside its wall time, when the task could measure it. */
function cpuNote(result: VariantResult): string {
  const cpuMs = outputMedian(result, 'stageCpuMs');
  return cpuMs >= 0 ? `, stage CPU ${Math.round(cpuMs).toLocaleString('en')} ms` : '';
}

function rowsOf([runner, transform]: VariantResult[]): Row[] {
  if (!runner || !transform) return [];
  return [runner, transform].map((result) => ({
    variant: result.name,
    rows: outputMedian(result, 'records'),
    medianMs: outputMedian(result, 'stageMs'),
    medianRssMb: result.medianRssMb,
    note: `${rateOf(result).toLocaleString('en')} records/s${cpuNote(result)}`,
    ...(result === runner && {
      ratios: `runner overhead ${ratio(outputMedian(runner, 'stageMs'), outputMedian(transform, 'stageMs'))}× the transform's time`,
    }),
  }));
}

function goal(pipeline: string, [runner, transform]: VariantResult[]): Goal {
  const rate = runner ? rateOf(runner) : 0;
  const own = transform ? rateOf(transform) : 0;
  return {
    goal: `${pipeline}: ≥ ${GOAL_PER_SECOND.toLocaleString('en')} records/s end to end through its local runner`,
    measured: `${rate.toLocaleString('en')} records/s (transform alone ${own.toLocaleString('en')}/s)`,
    met: rate >= GOAL_PER_SECOND,
  };
}
