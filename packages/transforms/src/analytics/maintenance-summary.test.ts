import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaintenanceSummariser } from './maintenance-summary.js';

const reading = (machine_id: string, score: number, temperature = 70, vibration = 40) => ({
  machine_id,
  temperature,
  vibration,
  maintenance_priority_score: score,
});

const summarise = (readings: ReturnType<typeof reading>[]) => {
  const summariser = new MaintenanceSummariser();
  for (const r of readings) summariser.add(r);
  return summariser.result();
};

describe('MaintenanceSummariser', () => {
  it('averages per machine and counts alerts above 0.7', () => {
    const summary = summarise([
      reading('15', 0.8723, 98.94, 50.2),
      reading('15', 0.6, 90, 40),
      reading('39', 0.3075, 78.61, 28.65),
      reading('39', 0.7, 73.05, 40.7), // exactly 0.7: no alert
    ]);
    expect(summary.machines).toEqual([
      {
        machine_id: '15',
        readings: 2,
        avg_priority_score: 0.7362,
        avg_temperature: 94.47,
        avg_vibration: 45.1,
        alerts: 1,
        risk: 'high',
      },
      {
        machine_id: '39',
        readings: 2,
        avg_priority_score: 0.5038,
        avg_temperature: 75.83,
        avg_vibration: 34.68,
        alerts: 0,
        risk: 'medium',
      },
    ]);
    expect(summary).toMatchObject({
      readings: 4,
      alerts: 1,
      avg_priority_score: 0.62,
      risk_buckets: { high: 1, medium: 1, low: 0 },
    });
  });

  it.each([
    [0.7001, 'high'],
    [0.7, 'medium'],
    [0.4001, 'medium'],
    [0.4, 'low'],
    [0, 'low'],
  ])('buckets a machine averaging %d as %s risk', (score, risk) => {
    expect(summarise([reading('8', score)]).machines[0]?.risk).toBe(risk);
  });

  it('sorts machines by id as numbers read, and is empty before any reading', () => {
    expect(
      summarise([reading('10', 0), reading('9', 0), reading('A', 0)]).machines.map((m) => m.machine_id),
    ).toEqual(['9', '10', 'A']);
    expect(summarise([])).toEqual({
      readings: 0,
      machines: [],
      risk_buckets: { high: 0, medium: 0, low: 0 },
      alerts: 0,
      avg_priority_score: 0,
    });
  });

  it('gives the same summary whatever order the readings stream in', () => {
    const score = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
    const readings = fc.array(fc.tuple(fc.constantFrom('1', '2', '3'), score), { maxLength: 30 });
    fc.assert(
      fc.property(readings, (pairs) => {
        const forward = summarise(pairs.map(([id, s]) => reading(id, s)));
        const backward = summarise(pairs.toReversed().map(([id, s]) => reading(id, s)));
        expect(backward).toEqual(forward);
        expect(forward.risk_buckets.high + forward.risk_buckets.medium + forward.risk_buckets.low).toBe(
          forward.machines.length,
        );
      }),
    );
  });
});
