import { type DatasetOptions, type Line, resolve } from './options.js';
import { Random, sqlTimestamp } from './random.js';

export interface ManufacturingOptions extends DatasetOptions {
  /** Number of machines reporting. Default 50. */
  machines?: number;
  /** First reading time (UTC). Default 2025-01-01T00:00:00Z; one reading per machine per minute. */
  start?: string;
}

export const MANUFACTURING_HEADER =
  'timestamp,machine_id,temperature,vibration,humidity,pressure,energy_consumption,machine_status,anomaly_flag,predicted_remaining_life,failure_type,downtime_risk,maintenance_required';

const FAILURES = [
  ['Normal', 85],
  ['Vibration Issue', 5],
  ['Overheating', 5],
  ['Pressure Drop', 3],
  ['Electrical Fault', 2],
] as const;

const STATUSES = [
  [1, 80],
  [0, 15],
  [2, 5],
] as const;

/**
 * Smart-manufacturing sensor readings shaped like seed 002's CSV. Some machines run hot and shaky
 * so the maintenance score has something to find.
 *
 * @example for (const line of manufacturingCsv({ rows: 10_000 })) out.write(line);
 */
export function* manufacturingCsv(options: ManufacturingOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  const machines = options.machines ?? 50;
  const start = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  yield `${MANUFACTURING_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const machine = (i % machines) + 1;
    const row = reading(random, machine, start + Math.floor(i / machines) * 60_000);
    if (random.chance(dirty)) row[random.int(2, 6)] = random.pick(['ERR', '', 'n/a']);
    yield `${row.join(',')}\n`;
  }
}

function reading(random: Random, machine: number, time: number): string[] {
  const wearing = machine % 10 === 0;
  const failure = wearing
    ? random.weighted(FAILURES)
    : random.chance(0.9)
      ? 'Normal'
      : random.weighted(FAILURES);
  const anomaly = failure !== 'Normal' && random.chance(0.6) ? 1 : 0;
  const risk = failure === 'Normal' ? (random.chance(0.05) ? 1 : 0) : random.chance(0.7) ? 1 : 0;
  return [
    sqlTimestamp(time),
    String(machine),
    random.normal(wearing ? 88 : 65, 10, 20, 120).toFixed(2),
    random.normal(wearing ? 80 : 40, 15, 0, 100).toFixed(2),
    random.normal(50, 15, 10, 95).toFixed(2),
    random.normal(3.5, 0.6, 0.5, 8).toFixed(2),
    random.normal(2, 0.8, 0.1, 6).toFixed(2),
    String(random.weighted(STATUSES)),
    String(anomaly),
    String(random.int(wearing ? 5 : 100, wearing ? 150 : 500)),
    failure,
    risk.toFixed(1),
    String(risk === 1 || anomaly === 1 ? 1 : 0),
  ];
}
