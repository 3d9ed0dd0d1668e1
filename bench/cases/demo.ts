import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { outputFile } from '../data.js';
import { median } from '../harness.js';
import type { CaseReport, Goal, Row } from '../report.js';
import type { BenchSettings } from './case.js';
import { BIN, buildCli } from './cli.js';

// `sluice demo --rows N` as a user runs it: the compiled command, start-up, data generation, all
// five pipelines (each in a process of its own, two at a time), queries and the dashboard page.
// Wall time is measured here; peak RSS is the largest SUM of the resident sets of the command's
// whole process tree, sampled from /proc every 50 ms (GNU time would give the largest process
// alone, not the pipelines running together); CPU time is the tree's user + system time.

const WALL_BUDGET_MS = 60_000;
const RSS_BUDGET_MB = 1024;
/** `sluice demo` without `--rows`: `pnpm bench demo --rows 20000`. */
const DEFAULT_SIZE = 20_000;
const DEFAULT_BUDGET_MS = 10_000;
const SAMPLE_MS = 50;

interface Summary {
  name: string;
  elapsedMs: number;
  result: { reports: Record<string, { read: number }> };
}

interface TreeRun {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  load: string;
}

/** Case: the whole demo at `rows` (1,000,000 by default), every pipeline, no caps. */
export async function demo({ rows, runs }: BenchSettings): Promise<CaseReport> {
  buildCli();
  const out = outputFile(`demo-${rows}`);
  const timed: TreeRun[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(out, { recursive: true, force: true });
    timed.push(await timeTree([process.execPath, BIN, 'demo', '--rows', String(rows), '--out', out]));
  }
  const wallMs = median(timed.map((t) => t.wallMs));
  const rssMb = median(timed.map((t) => t.rssMb));
  const pipelines = JSON.parse(await readFile(`${out}/demo-summary.json`, 'utf8')) as Summary[];
  const rowsOut: Row[] = [
    {
      variant: 'whole process tree',
      rows,
      medianMs: wallMs,
      medianRssMb: rssMb,
      note: timed.map((t) => `CPU ${(t.cpuMs / 1000).toFixed(1)} s, load ${t.load}`).join('; '),
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
    title: '`sluice demo` as a user runs it (wall time; peak RSS summed over its processes)',
    rows: rowsOut,
    goals: goals(rows, wallMs, rssMb),
    checks: { pipelines: pipelines.map((p) => p.name) },
  };
}

/** Runs a command, sampling the summed RSS of its process tree until it exits. */
async function timeTree(command: string[]): Promise<TreeRun> {
  const [program, ...args] = command as [string, ...string[]];
  const before = loadavg()[0] as number;
  const started = process.hrtime.bigint();
  const cpuBefore = await childrenCpuMs();
  const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let peakKb = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if (child.pid) peakKb = Math.max(peakKb, await treeRssKb(child.pid));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  sampling = false;
  await sampler;
  if (code !== 0) throw new Error(`${command.join(' ')} exited ${code}: ${stderr}`);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const load = `${before.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)}`;
  return { wallMs, cpuMs: (await childrenCpuMs()) - cpuBefore, rssMb: Math.round(peakKb / 102.4) / 10, load };
}

/** User + system time of this process's reaped children, in ms (each process's includes those it reaped). */
async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime, in clock ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** The summed VmRSS (kB) of `root` and every process under it. */
async function treeRssKb(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // A process that ended between the listing and the read has no stat: its RSS is gone, not NaN.
    if (stat === '') continue;
    // Fields after the command name (which may hold spaces): state, ppid, …, rss (pages) 22nd after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(name), Number(fields[1]));
    rss.set(Number(name), Number(fields[21]) * 4);
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(pid) || !tree.has(parent)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let total = 0;
  for (const pid of tree) total += rss.get(pid) ?? 0;
  return total;
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
      goal: `demo at 1M rows ≤ ${RSS_BUDGET_MB} MB peak RSS, all its processes together`,
      measured: `${rssMb} MB`,
      met: rssMb <= RSS_BUDGET_MB,
    },
  ];
}
