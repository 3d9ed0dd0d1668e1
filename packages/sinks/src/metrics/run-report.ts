import { emfLines, runReportMetrics } from '@sluice/core/lambda';
import type { RunReport } from '@sluice/core/outcome';
/** Options of {@link runReportEmf}. */
export interface RunReportEmfOptions {
  namespace: string;
  /** E.g. `{ Pipeline: 'orders-dashboard', Stage: 'filter' }`. */
  dimensions: Record<string, string>;
  /** Add `RecordsDropped.<reason>` and `RecordsRejected.<reason>` counts. Default true. */
  perReason?: boolean;
  /** Epoch milliseconds. Default: now. */
  timestamp?: number;
}

/**
 * A run report as EMF log lines: RecordsRead, RecordsKept, RecordsDropped, RecordsRejected
 * (Count), DurationMs (Milliseconds), and per-reason counts. Print them; no AWS call is made.
 *
 * @example
 * for (const line of runReportEmf(report, { namespace: 'Sluice', dimensions: { Pipeline: 'orders' } })) {
 *   console.log(line);
 * }
 */
export function runReportEmf(report: RunReport, options: RunReportEmfOptions): string[] {
  const metrics = runReportMetrics(report, { perReason: options.perReason ?? true });
  return emfLines({
    namespace: options.namespace,
    dimensions: options.dimensions,
    timestamp: options.timestamp,
    metrics,
  });
}
