import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dataset, outputFile } from '../data.js';
import { bundledTask, median, pythonTask } from '../harness.js';
import { type Timed, timeAll } from '../process-time.js';
import type { CaseReport, Goal, Row } from '../report.js';
import { ratio } from '../report.js';
import type { BenchSettings } from './case.js';

// The `sluice` command as a user runs it: the compiled bin, timed as a whole process (Node start,
// module loading, the run, exit) beside the same job done by DuckDB COPY and Python's csv module.
// Peak RSS comes from GNU time (`%M`), so no process reports its own.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}packages/cli/dist/sluice.js`;
const AS_OF = '2025-06-30';
const HELP_BUDGET_MS = 150;
/** `--help` is short and noisy: more runs than the data variants for a stable median. */
const HELP_RUNS = 15;

/** Case: `sluice --help` start-up and `sluice orders filter` end to end against the baselines. */
export async function cli({ rows, runs }: BenchSettings): Promise<CaseReport> {
  buildCli();
  await mkdir(outputFile(''), { recursive: true });
  const startup = await timeAll(
    [
      { name: 'node -e 0 (floor)', command: [process.execPath, '-e', '0'] },
      { name: 'sluice --help', command: [process.execPath, BIN, '--help'] },
    ],
    HELP_RUNS,
  );
  const input = await dataset('orders', rows);
  const out = (name: string) => outputFile(`cli-orders-${name}-${rows}.csv`);
  const filter = await timeAll(
    [
      {
        name: 'sluice orders filter',
        command: [
          process.execPath,
          BIN,
          'orders',
          'filter',
          '--input',
          input,
          '--output',
          out('sluice'),
        ].concat(['--as-of', AS_OF, '--rejects', `${out('sluice')}.rejects.jsonl`]),
      },
      {
        name: 'duckdb COPY',
        command: await bundledTask('orders-duckdb.ts', input, out('duckdb'), AS_OF, '30'),
      },
      { name: 'python csv', command: pythonTask('orders_python.py', input, out('python'), AS_OF, '30') },
    ],
    runs,
  );
  const hashes = Object.fromEntries(
    await Promise.all(['sluice', 'duckdb', 'python'].map(async (n) => [n, await sha256(out(n))] as const)),
  );
  return {
    name: 'cli',
    title: 'the compiled `sluice` command, whole process (wall time, peak RSS from GNU time)',
    rows: [...startupRows(startup), ...filterRows(filter, rows)],
    goals: goals(startup, filter, hashes),
    checks: { outputsSha256: hashes },
  };
}

export function buildCli(): void {
  const build = spawnSync(process.execPath, [`${ROOT}packages/cli/build.mjs`], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the sluice command failed');
}

function row(result: Timed, rows: number, extra: Partial<Row> = {}): Row {
  return {
    variant: result.name,
    rows,
    medianMs: median(result.wallMs),
    medianRssMb: median(result.rssMb),
    ...extra,
  };
}

function startupRows(startup: Timed[]): Row[] {
  return startup.map((result) => row(result, 0, { note: `${result.wallMs.length} runs` }));
}

function filterRows(filter: Timed[], rows: number): Row[] {
  const [, duckdb, python] = filter.map((r) => median(r.wallMs)) as [number, number, number];
  return filter.map((result) =>
    row(result, rows, {
      ratios: `${ratio(median(result.wallMs), duckdb)}× duckdb, ${ratio(median(result.wallMs), python)}× python`,
      note: `${Math.round(rows / (median(result.wallMs) / 1000)).toLocaleString('en')} rows/s`,
    }),
  );
}

function goals(startup: Timed[], filter: Timed[], hashes: Record<string, string>): Goal[] {
  const [floor, help] = startup.map((r) => median(r.wallMs)) as [number, number];
  const [sluice, duckdb, python] = filter.map((r) => median(r.wallMs)) as [number, number, number];
  const identical = new Set(Object.values(hashes)).size === 1;
  return [
    {
      goal: `sluice --help ≤ ${HELP_BUDGET_MS} ms`,
      measured: `${help.toFixed(0)} ms (Node alone: ${floor.toFixed(0)} ms)`,
      met: help <= HELP_BUDGET_MS,
    },
    {
      goal: 'orders filter (whole process) ≤ 0.75× DuckDB',
      measured: `${ratio(sluice, duckdb)}×`,
      met: sluice <= 0.75 * duckdb,
    },
    {
      goal: 'orders filter (whole process) ≥ 10× faster than Python',
      measured: `${ratio(python, sluice)}× faster`,
      met: python / sluice >= 10,
    },
    {
      goal: 'orders filter peak RSS ≤ 120 MB',
      measured: `${median(filter[0]?.rssMb ?? [])} MB`,
      met: median(filter[0]?.rssMb ?? []) <= 120,
    },
    { goal: 'outputs byte-identical (sha256)', measured: identical ? 'identical' : 'DIFFER', met: identical },
  ];
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
