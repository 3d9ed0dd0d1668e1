import type { MaintenanceAlert, ScoredMachineReading } from './schema.js';

/** Scores above this raise an alert (§4.3). */
export const DEFAULT_ALERT_THRESHOLD = 0.7;

/**
 * The alert for a scored reading, or `undefined` when its (rounded) score is not above the
 * threshold: a score of exactly 0.7 does not alert.
 *
 * @example
 * maintenanceAlert(scored);
 * // { machine_id: '15', alert_type: 'HIGH_MAINTENANCE_PRIORITY', score: 0.8723,
 * //   timestamp: '2025-01-01 00:02:00', recommended_action: 'Schedule immediate maintenance' }
 */
export function maintenanceAlert(
  reading: Pick<ScoredMachineReading, 'machine_id' | 'timestamp' | 'maintenance_priority_score'>,
  threshold = DEFAULT_ALERT_THRESHOLD,
): MaintenanceAlert | undefined {
  if (!(reading.maintenance_priority_score > threshold)) return undefined;
  return {
    machine_id: reading.machine_id,
    alert_type: 'HIGH_MAINTENANCE_PRIORITY',
    score: reading.maintenance_priority_score,
    timestamp: reading.timestamp,
    recommended_action: 'Schedule immediate maintenance',
  };
}
