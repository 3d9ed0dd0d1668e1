import { BUDGETS, budgetClass, limitFor } from '../bundles/budgets.js';
import { bundleHandler, discoverHandlers, kb } from '../bundles/bundle-handlers.js';
import type { CaseReport, Goal, Row } from '../report.js';
import type { BenchSettings } from './case.js';

/**
 * Case 6: every example Lambda handler bundled as it is deployed (esbuild, minified, AWS SDK
 * external) with its size against its budget. Sizes are deterministic, so the same budgets are
 * also a test (bench/bundles/bundle-budgets.test.ts); here they are reported beside the timings.
 */
export async function bundles(_: BenchSettings): Promise<CaseReport> {
  const rows: Row[] = [];
  const goals: Goal[] = [];
  for (const entry of discoverHandlers()) {
    const bundle = await bundleHandler(entry);
    const limit = limitFor(bundle);
    const budgetClassName = budgetClass(bundle.requested);
    rows.push({
      variant: entry.replace(/^examples\//, ''),
      rows: bundle.bytes,
      medianMs: 0,
      medianRssMb: 0,
      note: `${kb(bundle.bytes)} min, ${kb(bundle.gzipBytes)} gzip; ${budgetClassName} budget ${limit === undefined ? 'none' : kb(limit)}`,
    });
    const budget = BUDGETS[budgetClassName];
    if (budget !== undefined) {
      goals.push({
        goal: `${entry} ≤ ${kb(budget)} (${budgetClassName})`,
        measured: kb(bundle.bytes),
        met: bundle.bytes <= budget,
      });
    }
  }
  return {
    name: 'bundles',
    title: 'Lambda handler bundle sizes (bytes in the rows column)',
    rows,
    goals,
    checks: {},
  };
}
