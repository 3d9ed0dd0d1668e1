import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';

import { LocalObjectStore } from '@sluice/core/storage';
import { customersCsv, manufacturingCsv, writeLines } from '@sluice/datagen';
import type { DemoResult } from './index.js';
import { type LakeOptions, type LakeResult, runLake } from './lake.js';
import { LAKE_BUCKET, RAW_KEYS } from './layout.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  dir: string;
  rows: number;
  seed: number;
  log: (line: string) => void;
}

/**
 * Generates readings and customers into `dir/multi-source-data-lake/raw/`, runs the lake end to end
 * on embedded defaults (local files, local stream runner, DuckDB) and returns what the demo prints.
 *
 * @example const result = await runDemo({ dir: 'out/lake', rows: 20_000, seed: 42, log: console.error });
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  await clearRun(options.dir);
  await generateRaw(options);
  const result = await runLocalLake(options.dir, { log: options.log });
  return {
    pipeline: 'multi-source-lake',
    reports: { maintenance: result.branches.maintenance.report, customers: result.branches.customers.report },
    summary: {
      scores: result.scores,
      maintenance: { ...result.maintenance, machines: result.maintenance.machines.length },
      customers: result.customers,
      streams: {
        maintenance: result.branches.maintenance.stream,
        customers: result.branches.customers.stream,
      },
    },
    queries: result.queries,
  };
}

// New raw files make an old checkpoint meaningless: the demo always starts from an empty lake.
async function clearRun(dir: string): Promise<void> {
  for (const folder of ['state', 'lake', 'quarantine', 'analytics', 'curated'])
    await rm(join(dir, LAKE_BUCKET, folder), { recursive: true, force: true });
}

/** Writes the two raw files with the seeded generators (a quarter as many customers as readings). */
export async function generateRaw(options: Pick<DemoOptions, 'dir' | 'rows' | 'seed'>): Promise<void> {
  const root = join(options.dir, LAKE_BUCKET);
  const customers = Math.max(1, Math.floor(options.rows / 4));
  await writeLines(
    join(root, RAW_KEYS.maintenance),
    manufacturingCsv({ rows: options.rows, seed: options.seed }),
    {
      progress: false,
    },
  );
  await writeLines(join(root, RAW_KEYS.customers), customersCsv({ rows: customers, seed: options.seed }), {
    progress: false,
  });
}

/**
 * Runs the lake over `dir/multi-source-data-lake/` with DuckDB reading the Parquet it wrote.
 *
 * @example const result = await runLocalLake('out/lake');
 */
export function runLocalLake(
  dir: string,
  options: Omit<LakeOptions, 'store' | 'openEngine'> = {},
): Promise<LakeResult> {
  // Lambda takes up to 10 000 records per Kinesis batch: the most keeps Parquet files few and large
  // (a file per batch and partition) and invocations few; a chunk of 20 000 fills one per shard.
  return runLake({
    batchSize: 10_000,
    chunkRows: 20_000,
    ...options,
    store: new LocalObjectStore(join(dir, LAKE_BUCKET)),
    openEngine: (tables) => createDuckDbEngine({ localRoot: dir, tables }),
  });
}
