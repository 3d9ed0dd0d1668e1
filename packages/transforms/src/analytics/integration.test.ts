import { readFileSync } from 'node:fs';
import type { RunReport } from '@sluice/core';
import { openCsv } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerColumns } from '../csv-columns/index.js';
import { scoreCustomersCsv } from '../customers/index.js';
import { MACHINE_READING_COLUMNS, scoreMaintenanceBatch } from '../maintenance/index.js';
import { CustomerSummariser } from './customer-summary.js';
import { EmptyDomainError } from './errors.js';
import { integrationScores } from './integration.js';
import { MaintenanceSummariser } from './maintenance-summary.js';

const report = (read: number, kept: number, dropped: Record<string, number> = {}): RunReport => ({
  read,
  kept,
  dropped,
  rejected: {},
  startedAt: '2025-01-01T00:00:00.000Z',
  durationMs: 0,
});

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** The scores of summaries holding only what the formulas read. */
function scoresOf(given: {
  priorities?: number[];
  highRisk?: number;
  satisfaction?: number;
  highValue?: number;
  customers?: number;
  reports?: RunReport[];
}) {
  const { priorities = [], highRisk = 0, highValue = 0, customers = 0, satisfaction = 0 } = given;
  const machine = (avg_priority_score: number, i: number) => ({
    machine_id: String(i),
    readings: 1,
    avg_priority_score,
    avg_temperature: 0,
    avg_vibration: 0,
    alerts: 0,
    risk: 'low' as const,
  });
  return integrationScores({
    maintenance: {
      readings: 0,
      machines: priorities.map(machine),
      risk_buckets: { high: highRisk, medium: 0, low: 0 },
      alerts: 0,
      avg_priority_score: 0,
    },
    customers: {
      customers,
      segments: { HIGH_VALUE: highValue, MEDIUM_VALUE: 0, STANDARD: 0 },
      avg_purchase_amount: 0,
      avg_value_score: 0,
      satisfaction_index: satisfaction,
      top_category: null,
      top_channel: null,
    },
    reports: given.reports ?? [report(1, 1)],
  });
}

describe('integration formulas', () => {
  it('machine_health is 1 − the mean of the machines\u2019 average priorities', () => {
    expect(scoresOf({ priorities: [0.3, 0.46] }).machine_health).toBe(0.62);
    expect(scoresOf({}).machine_health).toBe(1); // no machines: none needs maintenance
  });

  it('operational_excellence_score = 0.6·machine_health + 0.4·satisfaction_index/10', () => {
    expect(scoresOf({ priorities: [0.3, 0.46], satisfaction: 5.5 }).operational_excellence_score).toBe(0.592);
    expect(scoresOf({ satisfaction: 10 }).operational_excellence_score).toBe(1);
    expect(scoresOf({ priorities: [1] }).operational_excellence_score).toBe(0);
  });

  it('business_health_index = 0.5·(1 − high_risk/machines) + 0.5·(high_value/customers)', () => {
    const index = (given: Parameters<typeof scoresOf>[0]) => scoresOf(given).business_health_index;
    expect(index({ priorities: [1, 0, 0, 0], highRisk: 1, highValue: 10, customers: 100 })).toBe(0.425);
    // A share of nothing is 0: no customers add nothing, no machines are none at risk.
    expect(index({ priorities: [1], highRisk: 1 })).toBe(0);
    expect(index({ highValue: 3, customers: 4 })).toBe(0.875);
    expect(index({})).toBe(0.5);
  });

  it('data_quality_composite is the mean of (kept + dropped)/read over the domains', () => {
    const quality = (reports: RunReport[]) => scoresOf({ reports }).data_quality_composite;
    expect(quality([report(200, 140, { stale: 50 }), report(100, 80)])).toBe(0.875);
    expect(quality([report(0, 0)])).toBe(1);
    expect(() => quality([])).toThrow(EmptyDomainError);
  });

  it('keeps every score in [0,1] for inputs in range', () => {
    fc.assert(
      fc.property(unit, fc.double({ min: 1, max: 10, noNaN: true }), fc.nat(50), fc.nat(50), (h, s, a, b) => {
        const machines = Math.max(a, b) + 1;
        const priorities = Array.from({ length: machines }, () => h);
        const few = Math.min(a, b);
        const given = { priorities, highRisk: few, satisfaction: s, highValue: few, customers: machines };
        const scores = Object.values(scoresOf({ ...given, reports: [report(machines, few)] }));
        return scores.every((x) => x >= 0 && x <= 1);
      }),
    );
  });
});

describe('integrationScores of empty domains', () => {
  it('gives documented numbers, never NaN, for header-only and all-invalid inputs', () => {
    const scores = integrationScores({
      maintenance: new MaintenanceSummariser().result(),
      customers: new CustomerSummariser().result(),
      reports: [report(0, 0), report(5, 0)],
    });
    expect(scores).toEqual({
      machine_health: 1, // 1 − mean over no machines (0)
      operational_excellence_score: 0.6, // 0.6·1 + 0.4·0/10
      business_health_index: 0.5, // 0.5·(1 − 0) + 0.5·0
      data_quality_composite: 0.5, // mean(nothing read: 1, all 5 rejected: 0)
    });
  });
});

describe('integrationScores from processed data', () => {
  it('computes every metric from the scored files and their run reports', async () => {
    const machinesCsv = await openCsv(once(fixture('./fixtures/machines-with-sensor-fault.csv')), {
      file: 'm.csv',
    });
    const columns = headerColumns(machinesCsv.header, MACHINE_READING_COLUMNS, 'm.csv');
    const readings = [];
    for await (const record of machinesCsv.records)
      readings.push(record.ok ? { ...record, value: columns.row(record.value.fields) } : record);
    const batch = scoreMaintenanceBatch(readings, { now: () => 0 });
    const machines = new MaintenanceSummariser();
    for (const reading of batch.scored) machines.add(reading);

    const customersCsv = await scoreCustomersCsv(
      once(fixture('../customers/fixtures/customers-kaggle-quirks.csv')),
      { now: () => 0, onRejected: () => {} },
    );
    const customers = new CustomerSummariser();
    for await (const customer of customersCsv.customers) customers.add(customer);

    const maintenance = machines.result();
    // machine 15: (0.8723 + 0.8985)/2 = 0.8854 high; 29: 0.3478 low; 39: 0.3075 low; 43: 0.8169 high
    expect(maintenance.machines.map((m) => [m.machine_id, m.avg_priority_score, m.risk])).toEqual([
      ['15', 0.8854, 'high'],
      ['29', 0.3478, 'low'],
      ['39', 0.3075, 'low'],
      ['43', 0.8169, 'high'],
    ]);
    expect(maintenance.alerts).toBe(3);
    expect(customers.result()).toMatchObject({
      customers: 3,
      segments: { HIGH_VALUE: 1 },
      satisfaction_index: 5.6667,
    });

    const scores = integrationScores({
      maintenance,
      customers: customers.result(),
      reports: [batch.report, customersCsv.report()],
    });
    expect(scores).toEqual({
      machine_health: 0.4106, // 1 − (0.8854 + 0.3478 + 0.3075 + 0.8169)/4
      operational_excellence_score: 0.473, // 0.6·0.4106 + 0.4·5.6667/10
      business_health_index: 0.4167, // 0.5·(1 − 2/4) + 0.5·(1/3)
      data_quality_composite: 0.7917, // mean(5/6 machines, 3/4 customers)
    });
  });
});

function fixture(path: string): Buffer {
  return readFileSync(new URL(path, import.meta.url));
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}
