import { type RunReport, sum } from '@sluice/core/outcome';
import { clamp01, roundScore } from '../scores.js';
import { EmptyDomainError } from './errors.js';
import type { CustomerSummary, IntegrationScores, MaintenanceSummary } from './schema.js';

/** `part/whole` clamped into [0,1]; a share of nothing is 0. */
const share = (part: number, whole: number) => (whole === 0 ? 0 : clamp01(part / whole));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The cross-domain scores (§4.5), computed from the summaries and run reports, each rounded to 4
 * decimals, with inputs clamped into [0,1]:
 * - `machine_health = 1 − mean over machines of their average priority score`: each machine weighs
 *   the same however many readings it sent; with no machines the mean over nothing is 0, health 1.
 * - `operational_excellence_score = 0.6·machine_health + 0.4·satisfaction_index/10`, the satisfaction
 *   index being the mean Customer_Satisfaction (1–10).
 * - `business_health_index = 0.5·(1 − high_risk/machines) + 0.5·(high_value/customers)`, a share of
 *   nothing being 0: an empty lake scores 0.5.
 * - `data_quality_composite = mean over the reports of (kept + dropped)/read`: the share of records
 *   that were readable and valid, a run that read nothing counting as 1; no reports at all is an
 *   `EmptyDomainError`.
 *
 * @example
 * integrationScores({ maintenance: machines.result(), customers: customers.result(), reports: [mReport, cReport] });
 * // { machine_health: 0.62, operational_excellence_score: 0.592, business_health_index: 0.425, data_quality_composite: 0.97 }
 */
export function integrationScores(input: {
  maintenance: MaintenanceSummary;
  customers: CustomerSummary;
  reports: readonly Pick<RunReport, 'read' | 'kept' | 'dropped'>[];
}): IntegrationScores {
  const { maintenance, customers, reports } = input;
  if (reports.length === 0) throw new EmptyDomainError('run reports', 'data_quality_composite');
  const machines = maintenance.machines.map((machine) => clamp01(machine.avg_priority_score));
  const health = machines.length === 0 ? 1 : 1 - mean(machines);
  const excellence = 0.6 * health + 0.4 * clamp01(customers.satisfaction_index / 10);
  const business =
    0.5 * (1 - share(maintenance.risk_buckets.high, machines.length)) +
    0.5 * share(customers.segments.HIGH_VALUE, customers.customers);
  const quality = mean(reports.map((r) => (r.read === 0 ? 1 : share(r.kept + sum(r.dropped), r.read))));
  return {
    machine_health: roundScore(health),
    operational_excellence_score: roundScore(excellence),
    business_health_index: roundScore(business),
    data_quality_composite: roundScore(quality),
  };
}
