import type { RunReport } from '@sluice/core/outcome';
import { clamp01, roundScore } from '../scores.js';
import { EmptyDomainError } from './errors.js';
import type { CustomerSummary, IntegrationScores, MaintenanceSummary } from './schema.js';

/**
 * `machine_health = 1 − mean over machines of their average priority score` (each machine weighs
 * the same, however many readings it sent). With no machines (an empty or all-invalid readings
 * input) the mean over nothing is 0, so health is 1: no machine needs maintenance.
 *
 * @example machineHealth(summary); // 0.62 when machines average 0.3 and 0.46
 */
export function machineHealth(maintenance: Pick<MaintenanceSummary, 'machines'>): number {
  const { machines } = maintenance;
  if (machines.length === 0) return 1;
  let total = 0;
  for (const machine of machines) total += clamp01(machine.avg_priority_score);
  return 1 - total / machines.length;
}

/**
 * `operational_excellence_score = 0.6·machine_health + 0.4·satisfaction_index/10`, with the
 * satisfaction index (mean Customer_Satisfaction, 1–10) scaled to [0,1].
 *
 * @example operationalExcellenceScore(0.62, 5.5); // 0.592
 */
export function operationalExcellenceScore(health: number, satisfactionIndex: number): number {
  return 0.6 * clamp01(health) + 0.4 * clamp01(satisfactionIndex / 10);
}

/**
 * `business_health_index = 0.5·(1 − high_risk/machines) + 0.5·(high_value/customers)`; a share of
 * nothing is 0, so no machines give 0.5·1 and no customers 0.5·0 (an empty lake scores 0.5).
 *
 * @example businessHealthIndex({ highRisk: 1, machines: 4, highValue: 10, customers: 100 }); // 0.425
 */
export function businessHealthIndex(counts: {
  highRisk: number;
  machines: number;
  highValue: number;
  customers: number;
}): number {
  return (
    0.5 * (1 - share(counts.highRisk, counts.machines)) + 0.5 * share(counts.highValue, counts.customers)
  );
}

/** `part/whole` clamped into [0,1]; a share of nothing is 0. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : clamp01(part / whole);
}

/**
 * `data_quality_composite = mean over domains of (kept + dropped)/read`: the share of records that
 * were readable and valid. A run that read nothing counts as 1 (nothing was rejected).
 *
 * @example dataQualityComposite([{ read: 100, kept: 90, dropped: { stale: 5 }, ... }, ...]);
 */
export function dataQualityComposite(
  reports: readonly Pick<RunReport, 'read' | 'kept' | 'dropped'>[],
): number {
  if (reports.length === 0) throw new EmptyDomainError('run reports', 'data_quality_composite');
  let total = 0;
  for (const report of reports) {
    const accepted = report.kept + Object.values(report.dropped).reduce((a, b) => a + b, 0);
    total += report.read === 0 ? 1 : clamp01(accepted / report.read);
  }
  return total / reports.length;
}

/**
 * All cross-domain scores (§4.5), computed from the summaries and run reports, rounded to 4 decimals.
 *
 * @example
 * integrationScores({ maintenance: machines.result(), customers: customers.result(), reports: [mReport, cReport] });
 * // { machine_health: 0.62, operational_excellence_score: 0.592, business_health_index: 0.425, data_quality_composite: 0.97 }
 */
export function integrationScores(input: {
  maintenance: MaintenanceSummary;
  customers: CustomerSummary;
  reports: readonly RunReport[];
}): IntegrationScores {
  const { maintenance, customers } = input;
  const health = machineHealth(maintenance);
  const business = businessHealthIndex({
    highRisk: maintenance.risk_buckets.high,
    machines: maintenance.machines.length,
    highValue: customers.segments.HIGH_VALUE,
    customers: customers.customers,
  });
  return {
    machine_health: roundScore(health),
    operational_excellence_score: roundScore(
      operationalExcellenceScore(health, customers.satisfaction_index),
    ),
    business_health_index: roundScore(business),
    data_quality_composite: roundScore(dataQualityComposite(input.reports)),
  };
}
