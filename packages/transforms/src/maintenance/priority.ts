import { kept, type Outcome, rejected } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import { clamp01, roundScore, withDefaults } from '../scores.js';
import { InvalidMaintenanceOptionsError } from './errors.js';
import { checkMachineReading, type MachineReading } from './reading-check.js';
import type { ScoredMachineReading } from './schema.js';

// Part of the maintenance entry point's API; customer scores round the same way.
export { roundScore } from '../scores.js';

/** A `[min, max]` sensor range; readings are normalised into it and clamped. */
export type SensorRange = readonly [min: number, max: number];

/** Weights and ranges of the maintenance priority score (§4.3 defaults). */
export interface MaintenancePriorityOptions {
  weights?: { temperature?: number; vibration?: number; anomaly?: number; downtimeRisk?: number };
  ranges?: { temperature?: SensorRange; vibration?: SensorRange };
}

const DEFAULT_WEIGHTS = { temperature: 0.3, vibration: 0.25, anomaly: 0.15, downtimeRisk: 0.3 };

interface PriorityModel {
  weights: { temperature: number; vibration: number; anomaly: number; downtimeRisk: number };
  temperature: SensorRange;
  vibration: SensorRange;
}

/**
 * The priority score of a parsed reading, unrounded:
 * `0.30·n(temperature) + 0.25·n(vibration) + 0.15·anomaly_flag + 0.30·downtime_risk`, with
 * `n(x) = clamp((x − min)/(max − min), 0, 1)`. Flag and risk are clamped to [0,1] and so is the sum,
 * so the score stays in [0,1] whatever the readings or weights.
 *
 * @example
 * maintenancePriority({ temperature: 100, vibration: 0, anomaly_flag: 1, downtime_risk: 1 }); // 0.75
 */
export function maintenancePriority(
  reading: Pick<MachineReading, 'temperature' | 'vibration' | 'anomaly_flag' | 'downtime_risk'>,
  options: MaintenancePriorityOptions = NO_OPTIONS,
): number {
  const { weights, temperature, vibration } =
    options === NO_OPTIONS ? defaultModel() : priorityModel(options);
  const score =
    weights.temperature * normalise(reading.temperature, temperature) +
    weights.vibration * normalise(reading.vibration, vibration) +
    weights.anomaly * clamp01(reading.anomaly_flag) +
    weights.downtimeRisk * clamp01(reading.downtime_risk);
  return clamp01(score);
}

/**
 * Validates a reading (CSV strings or JSON) and scores it. The score is rounded to 4 decimals.
 * Missing or unparseable fields are rejected (`invalid-reading`) naming the column.
 *
 * @example
 * scoreMaintenancePriority({ timestamp: '2025-01-01 00:02:00', machine_id: '15', temperature: '98.94',
 *   vibration: '50.2', anomaly_flag: '1', downtime_risk: '1.0' });
 * // { kind: 'kept', value: { ..., maintenance_priority_score: 0.8723 } }
 */
export function scoreMaintenancePriority(
  input: unknown,
  options: MaintenancePriorityOptions = NO_OPTIONS,
): Outcome<ScoredMachineReading> {
  const checked = checkMachineReading(input);
  if ('issues' in checked) return rejected('invalid-reading', describeIssues(checked.issues));
  // The checked reading is a fresh object: it takes its score instead of being copied.
  const scored = checked.value as ScoredMachineReading;
  scored.maintenance_priority_score = roundScore(maintenancePriority(checked.value, options));
  return kept(scored);
}

// Scoring with the defaults (most callers) builds and checks the model once, not per reading.
const NO_OPTIONS: MaintenancePriorityOptions = Object.freeze({});
let defaults: PriorityModel | undefined;
const defaultModel = (): PriorityModel => {
  defaults ??= priorityModel(NO_OPTIONS);
  return defaults;
};

function priorityModel(options: MaintenancePriorityOptions): PriorityModel {
  const weights = withDefaults(DEFAULT_WEIGHTS, options.weights);
  for (const [name, weight] of Object.entries(weights)) {
    if (!(weight >= 0)) throw new InvalidMaintenanceOptionsError(`weight ${name} is ${weight}, expected ≥ 0`);
  }
  const temperature = checkedRange('temperature', options.ranges?.temperature ?? [0, 100]);
  const vibration = checkedRange('vibration', options.ranges?.vibration ?? [0, 100]);
  return { weights, temperature, vibration };
}

function checkedRange(name: string, range: SensorRange): SensorRange {
  const [min, max] = range;
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
    throw new InvalidMaintenanceOptionsError(`${name} range [${min}, ${max}] must have max > min`);
  }
  return range;
}

function normalise(value: number, [min, max]: SensorRange): number {
  return clamp01((value - min) / (max - min));
}
