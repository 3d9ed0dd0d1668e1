import { dataset } from '../data.js';
import { bundledTask, measure, outputMedian } from '../harness.js';
import type { CaseReport } from '../report.js';
import { perSecond } from '../report.js';
import type { BenchSettings } from './case.js';

/** Case 5: customer-value and maintenance scoring throughput from CSV, in records per second. */
export async function scoring({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const customers = await dataset('customers', rows);
  const readings = await dataset('manufacturing', rows);
  const variants = [
    { name: 'customer-value', command: await bundledTask('scoring.ts', 'customers', customers) },
    { name: 'maintenance', command: await bundledTask('scoring.ts', 'maintenance', readings) },
  ];
  const results = await measure(variants, runs);
  return {
    name: 'scoring',
    title: 'customer-value and maintenance scoring from CSV (no baseline; throughput only)',
    rows: results.map((result) => ({
      variant: result.name,
      rows,
      medianMs: result.medianMs,
      medianRssMb: result.medianRssMb,
      note: `${perSecond(rows, outputMedian(result, 'scoreMs')).toLocaleString('en')} records/s (in-process)`,
    })),
    goals: [],
    checks: Object.fromEntries(results.map((r) => [r.name, { ...r.samples[0]?.output, scoreMs: undefined }])),
  };
}
