import { type RunReport, sum } from '@sluice/core/outcome';
import { type EmfMetricValue, emfLines } from './emf.js';

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
  const metrics: EmfMetricValue[] = [
    { name: 'RecordsRead', value: report.read, unit: 'Count' },
    { name: 'RecordsKept', value: report.kept, unit: 'Count' },
    { name: 'RecordsDropped', value: sum(report.dropped), unit: 'Count' },
    { name: 'RecordsRejected', value: sum(report.rejected), unit: 'Count' },
    { name: 'DurationMs', value: report.durationMs, unit: 'Milliseconds' },
  ];
  if (options.perReason ?? true) {
    metrics.push(
      ...reasonMetrics('RecordsDropped', report.dropped),
      ...reasonMetrics('RecordsRejected', report.rejected),
    );
  }
  return emfLines({ ...options, metrics });
}

function reasonMetrics(prefix: string, counts: Record<string, number>): EmfMetricValue[] {
  return Object.entries(counts).map(([reason, value]) => ({
    name: `${prefix}.${reason}`,
    value,
    unit: 'Count',
  }));
}
