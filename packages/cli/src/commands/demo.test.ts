import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sluice } from '../run-in-process.js';

interface Report {
  read: number;
  kept: number;
  dropped: Record<string, number>;
  rejected: Record<string, number>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('sluice demo', () => {
  it('runs all five pipelines on small generated data, every report balanced, and writes the summary page', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sluice-demo-'));
    const run = await sluice('demo', '--out', out, '--rows', '400');
    expect(run.code).toBe(0);
    const pipelines = run.result?.pipelines as { name: string; reports: Record<string, Report> }[];
    expect(pipelines.map((p) => p.name)).toEqual([
      'orders-dashboard',
      'restaurant-clickstream',
      'multi-source-lake',
      'transaction-stream',
      'ecommerce-batch-stream',
    ]);
    for (const pipeline of pipelines) {
      expect(Object.keys(pipeline.reports).length).toBeGreaterThan(0);
      for (const report of Object.values(pipeline.reports)) {
        expect(report.read).toBe(report.kept + total(report.dropped) + total(report.rejected));
        expect(report.read).toBeGreaterThan(0);
      }
    }
    const page = await readFile(join(out, 'index.html'), 'utf8');
    expect(page).toContain('total_sales_by_customer');
    expect(run.stderr.some((line) => line.startsWith('== S3 order filter'))).toBe(true);
  }, 120_000);

  it('stops at a failing pipeline with one error line naming it, and exits 1', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sluice-demo-'));
    // A file where the orders pipeline writes its input folder: its process fails, not the demo's.
    await mkdir(join(out, 'orders-dashboard'));
    await writeFile(join(out, 'orders-dashboard', 'input'), 'not a folder');
    const run = await sluice('demo', '--out', out, '--rows', '50', '--only', 'orders-dashboard');
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    const errors = run.stderr.filter((line) => line.startsWith('sluice:'));
    expect(errors).toEqual([expect.stringMatching(/^sluice: orders-dashboard: .*input/)]);
    expect(run.stderr.at(-1)).toBe(errors[0]);
  }, 60_000);

  it.each([
    [['demo', '--only', 'nope'], /unknown pipeline "nope"/],
    [['demo', '--rows', '0'], /--rows must be a whole number ≥ 1/],
  ])('rejects %j with exit 2', async (argv, message) => {
    const run = await sluice(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(message);
  });
});
