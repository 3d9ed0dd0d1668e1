import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRejectedNaming } from '../fixtures/outcomes.js';
import { maintenanceAlert } from './alert.js';
import { InvalidMaintenanceOptionsError } from './errors.js';
import { maintenancePriority, scoreMaintenancePriority } from './priority.js';
import { MachineReadingSchema, MaintenanceAlertSchema, ScoredMachineReadingSchema } from './schema.js';

const reading = (temperature: number | string, vibration: number | string, anomaly = '0', risk = '0.0') => ({
  timestamp: '2025-01-01 00:00:00',
  machine_id: '39',
  temperature: String(temperature),
  vibration: String(vibration),
  anomaly_flag: anomaly,
  downtime_risk: risk,
});

const scoreOf = (input: unknown) => {
  const outcome = scoreMaintenancePriority(input);
  if (outcome.kind !== 'kept') throw new Error(`expected kept, got ${JSON.stringify(outcome)}`);
  return outcome.value.maintenance_priority_score;
};

describe('scoreMaintenancePriority', () => {
  it.each([
    [reading(0, 0), 0],
    [reading(100, 100, '1', '1.0'), 1],
    [reading(50, 0), 0.15],
    [reading(0, 50), 0.125], // the original divided vibration by 10 and scored this 1.25
    [reading(98.94, 50.2, '1', '1.0'), 0.8723], // a real row of the sample feed
    [reading(78.61, 28.65), 0.3075], // 0.235830 + 0.071625, rounded to 4 decimals
    [reading(150, 250), 0.55], // above the range: clamped to 1
    [reading(-20, -5), 0], // below the range: clamped to 0
    [reading(' 100 ', '0', '1', '1'), 0.75],
  ])('scores %j as %d', (input, expected) => {
    expect(scoreOf(input)).toBe(expected);
  });

  it('keeps the reading fields, parsed as numbers', () => {
    const outcome = scoreMaintenancePriority({
      ...reading(78.61, 28.65),
      humidity: '79.96',
      failure_type: 'Normal',
    });
    expect(outcome).toMatchObject({
      kind: 'kept',
      value: {
        machine_id: '39',
        temperature: 78.61,
        vibration: 28.65,
        humidity: 79.96,
        failure_type: 'Normal',
      },
    });
  });

  it.each([
    [{ ...reading('hot', 1) }, 'temperature'],
    [{ ...reading('', 1) }, 'temperature'],
    [{ ...reading(1, '12,5') }, 'vibration'],
    [{ ...reading(1, 1), humidity: 'n/a' }, 'humidity'],
    [{ ...reading(1, 1), machine_id: ' ' }, 'machine_id'],
    [
      { timestamp: '2025-01-01', machine_id: '1', temperature: 1, vibration: 1, anomaly_flag: 0 },
      'downtime_risk',
    ],
  ])('rejects %j naming the column %s', (input, column) => {
    expectRejectedNaming(scoreMaintenancePriority(input), 'invalid-reading', column);
  });

  it('uses the weights and ranges given as options', () => {
    const options = {
      ranges: { temperature: [20, 120] as const },
      weights: { anomaly: 0, downtimeRisk: 0.45 },
    };
    const value = maintenancePriority(
      { temperature: 70, vibration: 0, anomaly_flag: 1, downtime_risk: 1 },
      options,
    );
    expect(value).toBeCloseTo(0.6, 10);
    expect(() => maintenancePriority(reading as never, { ranges: { vibration: [5, 5] } })).toThrow(
      InvalidMaintenanceOptionsError,
    );
    expect(() => maintenancePriority(reading as never, { weights: { vibration: -1 } })).toThrow(
      InvalidMaintenanceOptionsError,
    );
  });

  it('always scores in [0,1], whatever the readings and weights', () => {
    const weight = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        weight,
        weight,
        (t, v, a, r, w1, w2) => {
          const score = maintenancePriority(
            { temperature: t, vibration: v, anomaly_flag: a, downtime_risk: r },
            { weights: { temperature: w1, downtimeRisk: w2 } },
          );
          return score >= 0 && score <= 1;
        },
      ),
    );
  });
});

describe('maintenanceAlert', () => {
  const scored = (score: number) => ({
    machine_id: '15',
    timestamp: '2025-01-01 00:02:00',
    maintenance_priority_score: score,
  });

  it('alerts only above 0.7, with the alert shape consumers rely on', () => {
    // 0.3 + 0.25·0.4 + 0.3 is 0.7000000000000001 in floating point: rounding keeps it at 0.7
    expect(scoreOf(reading(100, 40, '0', '1'))).toBe(0.7);
    expect(maintenanceAlert(scored(scoreOf(reading(100, 40, '0', '1'))))).toBeUndefined();
    expect(maintenanceAlert(scored(scoreOf(reading(100, 40.04, '0', '1'))))).toEqual({
      machine_id: '15',
      alert_type: 'HIGH_MAINTENANCE_PRIORITY',
      score: 0.7001,
      timestamp: '2025-01-01 00:02:00',
      recommended_action: 'Schedule immediate maintenance',
    });
  });

  it('takes the threshold as an option', () => {
    expect(maintenanceAlert(scored(0.55), 0.5)).toMatchObject({ score: 0.55 });
    expect(maintenanceAlert(scored(0.5), 0.5)).toBeUndefined();
  });
});

describe('published schemas', () => {
  it('describe what scoring reads and writes, as Standard Schema', async () => {
    const input = reading(98.94, 50.2, '1', '1.0');
    expect((await MachineReadingSchema['~standard'].validate(input)).issues).toBeUndefined();
    const outcome = scoreMaintenancePriority(input);
    if (outcome.kind !== 'kept') throw new Error('expected kept');
    expect((await ScoredMachineReadingSchema['~standard'].validate(outcome.value)).issues).toBeUndefined();
    const alert = maintenanceAlert(outcome.value);
    expect((await MaintenanceAlertSchema['~standard'].validate(alert)).issues).toBeUndefined();
    expect(
      (await MachineReadingSchema['~standard'].validate({ ...input, vibration: 'x' })).issues,
    ).toHaveLength(1);
  });
});
