// Test-only: every demo pipeline run small into a temporary folder, as the dashboard tests read it.
// Nothing that src/sluice.ts imports reaches this file, so the CLI bundle leaves it out.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '@sluice/core/outcome';
import { DEMO_EXAMPLES } from './demo-examples.js';

/** Rows per pipeline: small, but enough for bot bursts to be detected. */
const ROWS: Record<string, number> = { 'transaction-stream': 150, 'ecommerce-batch-stream': 20_000 };

/** The demo's output folder and each pipeline's run reports, by pipeline name. */
export interface DemoFixture {
  data: string;
  reports: Record<string, Record<string, RunReport>>;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/** Runs every demo pipeline small (seed 42), each into its own folder of a new temporary one. */
export async function runDemoSmall(prefix: string): Promise<DemoFixture> {
  const data = await mkdtemp(join(tmpdir(), prefix));
  const reports: DemoFixture['reports'] = {};
  for (const example of DEMO_EXAMPLES) {
    const dir = join(data, example.name);
    await mkdir(dir, { recursive: true });
    const result = await example.run({ dir, rows: ROWS[example.name] ?? 1500, seed: 42, log: () => {} });
    reports[example.name] = result.reports;
  }
  return { data, reports, remove: () => rm(data, { recursive: true, force: true }) };
}
