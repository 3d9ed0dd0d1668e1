import type { RunReport } from '../outcome/report.js';
import { sum } from '../outcome/report.js';
import { type EmfMetricValue, emfDocument } from './emf.js';
import type { BatchReport } from './verdict.js';

/**
 * A run report as EMF metrics: RecordsRead, RecordsKept, RecordsDropped, RecordsRejected (Count),
 * DurationMs (Milliseconds) and, with `perReason`, `RecordsDropped.<reason>` / `RecordsRejected.<reason>`.
 *
 * @example emfLines({ namespace: 'Sluice', dimensions: { Pipeline: 'orders' }, metrics: runReportMetrics(report) })
 */
export function runReportMetrics(report: RunReport, options: { perReason?: boolean } = {}): EmfMetricValue[] {
  const metrics: EmfMetricValue[] = [
    count('RecordsRead', report.read),
    count('RecordsKept', report.kept),
    count('RecordsDropped', sum(report.dropped)),
    count('RecordsRejected', sum(report.rejected)),
    { name: 'DurationMs', value: report.durationMs, unit: 'Milliseconds' },
  ];
  if (!options.perReason) return metrics;
  return [
    ...metrics,
    ...reasonMetrics('RecordsDropped', report.dropped),
    ...reasonMetrics('RecordsRejected', report.rejected),
  ];
}

/** Options of {@link batchReportEmf}. */
export interface BatchReportEmfOptions {
  namespace: string;
  /** The `Handler` dimension. */
  handler: string;
  /** More dimensions, e.g. `{ Pipeline: 'transaction-stream' }`. */
  dimensions?: Record<string, string>;
  /** Epoch milliseconds. Default: now. */
  timestamp?: number;
  /** Logged beside the metrics, e.g. the Lambda request id. */
  properties?: Record<string, string>;
}

/**
 * A handler's invocation report as ONE EMF line: the run report's metrics plus RecordsFailed,
 * RecordsDeferred and RecordsOutOfTime; per-reason counts ride along as the `Dropped` and `Rejected`
 * properties (not metrics), so the line stays within EMF's 100-metric limit whatever the reasons.
 *
 * @example process.stdout.write(`${batchReportEmf(report, { namespace: 'Sluice', handler: 'orders' })}\n`);
 */
export function batchReportEmf(report: BatchReport, options: BatchReportEmfOptions): string {
  const metrics = [
    ...runReportMetrics(report),
    count('RecordsFailed', report.failed),
    count('RecordsDeferred', report.deferred),
    count('RecordsOutOfTime', report.outOfTime),
  ];
  const document = emfDocument({
    namespace: options.namespace,
    dimensions: { Handler: options.handler, ...options.dimensions },
    metrics,
    timestamp: options.timestamp,
    properties: { ...options.properties, Dropped: report.dropped, Rejected: report.rejected },
  });
  return JSON.stringify(document);
}

function count(name: string, value: number): EmfMetricValue {
  return { name, value, unit: 'Count' };
}

function reasonMetrics(prefix: string, counts: Record<string, number>): EmfMetricValue[] {
  return Object.entries(counts).map(([reason, value]) => count(`${prefix}.${reason}`, value));
}
