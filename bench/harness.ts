import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One timed process run: wall time measured by the parent, peak RSS reported by the child. */
export interface Sample {
  wallMs: number;
  peakRssMb: number;
  /** Whatever the task printed as JSON on its last stdout line (counts, sizes…). */
  output: Record<string, unknown>;
}

/** A way to do a case's job: Sluice or a baseline. */
export interface Variant {
  name: string;
  /** The process to run: argv[0] and its arguments. */
  command: string[];
}

export interface VariantResult {
  name: string;
  samples: Sample[];
  medianMs: number;
  medianRssMb: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** argv for a TypeScript task in bench/tasks, run the way `pnpm bench` runs everything. */
export function nodeTask(task: string, ...args: string[]): string[] {
  return [
    process.execPath,
    '--conditions=@sluice/source',
    '--import',
    'tsx',
    `${ROOT}bench/tasks/${task}`,
    ...args,
  ];
}

/**
 * argv for a TypeScript task bundled into one JavaScript file first, as a Lambda would run it:
 * no TypeScript loader in the process, so wall time and peak RSS belong to the task alone
 * (tsx adds about 35 MB and its compile time to every run). Native modules stay external.
 */
export async function bundledTask(task: string, ...args: string[]): Promise<string[]> {
  const outfile = `${ROOT}bench/.data/build/${task.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`${ROOT}bench/tasks/${task}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@sluice/source'],
    external: ['@duckdb/node-api'],
    banner: {
      // CommonJS dependencies inside an ES module bundle need a `require`.
      js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return [process.execPath, outfile, ...args];
}

/** argv for a Python task in bench/tasks. */
export function pythonTask(task: string, ...args: string[]): string[] {
  return ['python3', `${ROOT}bench/tasks/${task}`, ...args];
}

/** Runs a process to completion; rejects with its stderr when it exits non-zero. */
export function runOnce(command: string[]): Promise<Sample> {
  const [program, ...args] = command as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0)
        return reject(new Error(`${command.join(' ')} exited ${code}: ${stderr.trim().slice(-2000)}`));
      const output = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      resolve({ wallMs, peakRssMb: Number(output.peakRssMb ?? 0), output });
    });
  });
}

/** Runs every variant `runs` times, interleaved so drift in machine load hits all of them alike. */
export async function measure(variants: Variant[], runs: number): Promise<VariantResult[]> {
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const variant of variants) samples.get(variant.name)?.push(await runOnce(variant.command));
  }
  return variants.map((variant) => {
    const list = samples.get(variant.name) ?? [];
    return {
      name: variant.name,
      samples: list,
      medianMs: median(list.map((s) => s.wallMs)),
      medianRssMb: median(list.map((s) => s.peakRssMb)),
    };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export { peakRssMb } from './rss.js';

/** Median of a number each sample's task printed (e.g. an in-process `coreMs`). */
export function outputMedian(result: VariantResult, field: string): number {
  return median(result.samples.map((sample) => Number(sample.output[field] ?? 0)));
}
