import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dataset, outputFile } from '../data.js';
import type { Variant, VariantResult } from '../harness.js';
import { bundledTask, measure, pythonTask } from '../harness.js';
import type { CaseReport, Goal, Row } from '../report.js';
import { ratio } from '../report.js';
import type { BenchSettings } from './case.js';

// The datagen default: order dates fall in the 120 days before 2025-06-30.
const AS_OF = '2025-06-30';
const MAX_AGE_DAYS = '30';
const VARIANTS = ['sluice-bytes', 'sluice-fields', 'duckdb', 'python'] as const;

/** Case 1: the stale-order filter, CSV to CSV, at `rows` and 4 × `rows`. */
export async function staleOrders({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const sizes = [rows, rows * 4];
  const results = new Map<number, VariantResult[]>();
  const hashes: Record<string, Record<string, string>> = {};
  await mkdir(outputFile(''), { recursive: true });
  for (const size of sizes) {
    const input = await dataset('orders', size);
    const variants = await variantsFor(input, size);
    results.set(size, await measure(variants, runs));
    hashes[size] = Object.fromEntries(
      await Promise.all(VARIANTS.map(async (name) => [name, await sha256(outputOf(name, size))] as const)),
    );
  }
  return {
    name: 'stale-orders',
    title: 'stale-order filter, CSV → CSV (wall time and peak RSS per process)',
    rows: sizes.flatMap((size) => tableRows(size, results.get(size) ?? [])),
    goals: goals(sizes, results, hashes),
    checks: { outputsSha256: hashes },
    samples: Object.fromEntries([...results].map(([size, r]) => [String(size), r])),
  };
}

async function variantsFor(input: string, size: number): Promise<Variant[]> {
  const args = (name: string) => [input, outputOf(name, size), AS_OF, MAX_AGE_DAYS];
  return [
    {
      name: 'sluice-bytes',
      command: await bundledTask('orders-sluice.ts', 'bytes', ...args('sluice-bytes')),
    },
    {
      name: 'sluice-fields',
      command: await bundledTask('orders-sluice.ts', 'fields', ...args('sluice-fields')),
    },
    { name: 'duckdb', command: await bundledTask('orders-duckdb.ts', ...args('duckdb')) },
    { name: 'python', command: pythonTask('orders_python.py', ...args('python')) },
  ];
}

const outputOf = (variant: string, size: number) => outputFile(`orders-${variant}-${size}.csv`);

function tableRows(size: number, results: VariantResult[]): Row[] {
  const duckdb = find(results, 'duckdb');
  const python = find(results, 'python');
  return results.map((result) => ({
    variant: result.name,
    rows: size,
    medianMs: result.medianMs,
    medianRssMb: result.medianRssMb,
    ratios: `${ratio(result.medianMs, duckdb.medianMs)}× duckdb, ${ratio(result.medianMs, python.medianMs)}× python`,
    note: `${Math.round(size / (result.medianMs / 1000)).toLocaleString('en')} rows/s`,
  }));
}

function goals(sizes: number[], results: Map<number, VariantResult[]>, hashes: CaseReport['checks']): Goal[] {
  const [small, large] = sizes as [number, number];
  const at = (size: number, name: string) => find(results.get(size) ?? [], name);
  const list: Goal[] = [];
  for (const size of sizes) {
    const fast = at(size, 'sluice-bytes');
    const vsDuck = ratio(fast.medianMs, at(size, 'duckdb').medianMs);
    const vsPython = ratio(at(size, 'python').medianMs, fast.medianMs);
    list.push(
      { goal: `${size} rows: wall ≤ 0.75× DuckDB`, measured: `${vsDuck}×`, met: vsDuck <= 0.75 },
      {
        goal: `${size} rows: ≥ 10× faster than Python`,
        measured: `${vsPython}× faster`,
        met: vsPython >= 10,
      },
      {
        goal: `${size} rows: peak RSS ≤ 120 MB`,
        measured: `${fast.medianRssMb} MB`,
        met: fast.medianRssMb <= 120,
      },
    );
  }
  const growth = ratio(at(large, 'sluice-bytes').medianRssMb, at(small, 'sluice-bytes').medianRssMb);
  const growthPct = Math.round((growth - 1) * 100);
  list.push({
    goal: `RSS growth ${small} → ${large} rows ≤ 20%`,
    measured: `${growthPct}%`,
    met: growthPct <= 20,
  });
  const identical = Object.values(hashes as Record<string, Record<string, string>>).every(
    (bySize) => new Set(Object.values(bySize)).size === 1,
  );
  list.push({
    goal: 'outputs byte-identical (sha256)',
    measured: identical ? 'identical' : 'DIFFER',
    met: identical,
  });
  return list;
}

function find(results: VariantResult[], name: string): VariantResult {
  const result = results.find((r) => r.name === name);
  if (!result) throw new Error(`no result for ${name}`);
  return result;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
