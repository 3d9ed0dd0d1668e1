import type { ScoredMachineReading } from '../maintenance/index.js';
import { DEFAULT_ALERT_THRESHOLD } from '../maintenance/index.js';
import { FixedPointSum } from './rounding.js';
import type { MachineSummary, MaintenanceSummary, RiskLevel } from './schema.js';

/** Risk bucket thresholds on a machine's average priority (§4.5). */
export interface RiskThresholds {
  high?: number;
  medium?: number;
  /** Readings above this count as alerts (default 0.7, as `maintenanceAlert`). */
  alert?: number;
}

interface MachineTotals {
  readings: number;
  score: FixedPointSum;
  temperature: FixedPointSum;
  vibration: FixedPointSum;
  alerts: number;
}

// Scores carry 4 decimals; sensor values are summed at 1e-4 too, finer than the 2 reported.
const newTotals = (): MachineTotals => ({
  readings: 0,
  score: new FixedPointSum(4),
  temperature: new FixedPointSum(4),
  vibration: new FixedPointSum(4),
  alerts: 0,
});

/**
 * Folds scored readings one at a time into a maintenance summary. Memory grows with the number of
 * machines, not readings, so it summarises a stream of any length.
 *
 * @example
 * const summary = new MaintenanceSummariser();
 * for await (const reading of scoredReadings) summary.add(reading);
 * summary.result(); // { readings, machines: [...], risk_buckets: { high, medium, low }, alerts, ... }
 */
export class MaintenanceSummariser {
  readonly #machines = new Map<string, MachineTotals>();
  readonly #thresholds: Required<RiskThresholds>;

  constructor(thresholds: RiskThresholds = {}) {
    this.#thresholds = {
      high: thresholds.high ?? 0.7,
      medium: thresholds.medium ?? 0.4,
      alert: thresholds.alert ?? DEFAULT_ALERT_THRESHOLD,
    };
  }

  /** Adds one scored reading. */
  add(
    reading: Pick<
      ScoredMachineReading,
      'machine_id' | 'temperature' | 'vibration' | 'maintenance_priority_score'
    >,
  ): void {
    const totals = this.#machines.get(reading.machine_id) ?? newTotals();
    totals.readings++;
    totals.score.add(reading.maintenance_priority_score);
    totals.temperature.add(reading.temperature);
    totals.vibration.add(reading.vibration);
    if (reading.maintenance_priority_score > this.#thresholds.alert) totals.alerts++;
    this.#machines.set(reading.machine_id, totals);
  }

  /** The summary of everything added so far; machines sorted by id. */
  result(): MaintenanceSummary {
    const machines = [...this.#machines].map(([id, totals]) => this.#machine(id, totals));
    machines.sort((a, b) => a.machine_id.localeCompare(b.machine_id, 'en', { numeric: true }));
    const risk_buckets = { high: 0, medium: 0, low: 0 };
    const scoreTotal = new FixedPointSum(4);
    let readings = 0;
    let alerts = 0;
    for (const machine of machines) {
      risk_buckets[machine.risk]++;
      readings += machine.readings;
      alerts += machine.alerts;
    }
    for (const totals of this.#machines.values()) scoreTotal.add(totals.score.value());
    return { readings, machines, risk_buckets, alerts, avg_priority_score: scoreTotal.mean(readings, 4) };
  }

  #machine(machine_id: string, totals: MachineTotals): MachineSummary {
    const avg_priority_score = totals.score.mean(totals.readings, 4);
    return {
      machine_id,
      readings: totals.readings,
      avg_priority_score,
      avg_temperature: totals.temperature.mean(totals.readings, 2),
      avg_vibration: totals.vibration.mean(totals.readings, 2),
      alerts: totals.alerts,
      risk: this.#risk(avg_priority_score),
    };
  }

  #risk(averagePriority: number): RiskLevel {
    if (averagePriority > this.#thresholds.high) return 'high';
    return averagePriority > this.#thresholds.medium ? 'medium' : 'low';
  }
}
