import { dataset } from '../data.js';
import type { VariantResult } from '../harness.js';
import { bundledTask, measure, outputMedian } from '../harness.js';
import type { CaseReport } from '../report.js';
import { ratio } from '../report.js';
import type { BenchSettings } from './case.js';

/**
 * Case 3: the five seed-000 queries on `rows` orders, through `@sluice/athena/duckdb` and through
 * `@duckdb/node-api` by hand with the SQL the engine runs. Query time is measured in-process
 * (setup excluded); wall time and RSS per process are shown too.
 */
export async function queryEngine({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const input = await dataset('orders', rows);
  const variants = [
    { name: 'sluice-athena-duckdb', command: await bundledTask('athena-queries.ts', 'sluice', input) },
    { name: 'raw-duckdb-node-api', command: await bundledTask('athena-queries.ts', 'raw', input) },
  ];
  const results = await measure(variants, runs);
  const [sluice, raw] = results as [VariantResult, VariantResult];
  const overhead = ratio(outputMedian(sluice, 'queriesMs'), outputMedian(raw, 'queriesMs'));
  const counts = results.map((r) => JSON.stringify(r.samples[0]?.output.rowCounts));
  return {
    name: 'query-engine',
    title: 'seed-000 queries ×5 on the embedded engine vs raw DuckDB',
    rows: results.map((result) => ({
      variant: result.name,
      rows,
      medianMs: result.medianMs,
      medianRssMb: result.medianRssMb,
      note: `5 queries ${outputMedian(result, 'queriesMs').toFixed(0)} ms`,
      ratios: `${ratio(outputMedian(result, 'queriesMs'), outputMedian(raw, 'queriesMs'))}× raw (query time)`,
    })),
    goals: [
      {
        goal: 'engine overhead ≤ 10%',
        measured: `${Math.round((overhead - 1) * 100)}%`,
        met: overhead <= 1.1,
      },
      { goal: 'same result row counts', measured: counts.join(' vs '), met: new Set(counts).size === 1 },
    ],
    checks: { rowCounts: Object.fromEntries(results.map((r) => [r.name, r.samples[0]?.output.rowCounts])) },
  };
}
