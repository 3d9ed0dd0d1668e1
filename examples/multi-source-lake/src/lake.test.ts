import { appendFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import type { ObjectBody, ObjectStore, PutOptions, Rejection } from '@sluice/core';
import { isBalanced, LocalObjectStore, listAll, openCsvScan, readText } from '@sluice/core';
import type { PutRecords } from '@sluice/core/runner';
import { headerColumns } from '@sluice/transforms';
import { scoreCustomersCsv } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS, scoreMaintenancePriority } from '@sluice/transforms/maintenance';
import { describe, expect, it } from 'vitest';
import { incrementalSummaries } from './analytics/summaries.js';
import { lakeTables } from './analytics/tables.js';
import { type LakeResult, runLake } from './lake.js';
import { type Domain, LAKE_BUCKET, RAW_KEYS } from './layout.js';
import { generateRaw, runDemo } from './local.js';

const READINGS = 400;
const CUSTOMERS = 100; // generateRaw writes a quarter as many customers as readings

/** A store whose first Parquet put under `prefix` fails, as a throttled S3 PUT would. */
class FlakyStore extends LocalObjectStore {
  failed = false;
  constructor(
    root: string,
    readonly prefix: string,
  ) {
    super(root);
  }
  override async put(key: string, body: ObjectBody, options?: PutOptions) {
    if (!this.failed && key.startsWith(this.prefix) && key.endsWith('.parquet')) {
      this.failed = true;
      throw new Error(`injected failure writing ${key}`);
    }
    return super.put(key, body, options);
  }
}

/** Refuses the last `tail` entries of the first call, as a throttled PutRecords does. */
function refusingOnce(tail: number): PutRecords & { refusals: number } {
  const put = async (records: readonly unknown[]) => {
    if (put.refusals > 0) return { refused: [] };
    put.refusals = records.length >= tail ? tail : 0;
    return { refused: Array.from({ length: put.refusals }, (_, i) => records.length - tail + i) };
  };
  put.refusals = 0;
  return put;
}

async function lakeDir(): Promise<{ dir: string; root: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-lake-'));
  await generateRaw({ dir, rows: READINGS, seed: 7 });
  const root = join(dir, LAKE_BUCKET);
  // dirt the generators do not make: a ragged row and a reading without a machine
  await appendFile(
    join(root, RAW_KEYS.maintenance),
    '2025-01-01 09:00:00,7,1\n2025-01-01 09:00:00,,50,50,50,3,2,1,0,100,Normal,0.0,0\n',
  );
  return { dir, root };
}

const run = (dir: string, store: ObjectStore, put?: Partial<Record<Domain, PutRecords>>) =>
  runLake({
    store,
    openEngine: (tables) => createDuckDbEngine({ localRoot: dir, tables }),
    chunkRows: 120,
    batchSize: 25,
    ...(put ? { put } : {}),
  });

async function quarantined(store: ObjectStore): Promise<Rejection[]> {
  const rejections: Rejection[] = [];
  for await (const object of listAll(store, 'quarantine/')) {
    for (const line of (await readText(store, object.key)).trim().split('\n'))
      rejections.push(JSON.parse(line));
  }
  return rejections;
}

async function lakeCounts(dir: string) {
  const engine = await createDuckDbEngine({ localRoot: dir, tables: lakeTables() });
  try {
    const count = async (table: string) =>
      Number((await engine.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    return {
      maintenance: await count('maintenance'),
      customers: await count('customers'),
      alerts: await count('maintenance_alerts'),
    };
  } finally {
    await engine.close();
  }
}

describe('runLake', () => {
  it('streams both sources into the Parquet lake, losing nothing, despite refused puts and a failed write', async () => {
    const { dir, root } = await lakeDir();
    const store = new FlakyStore(root, 'lake/customers/');
    const put = refusingOnce(40);
    const result = await run(dir, store, { maintenance: put });

    const { maintenance, customers } = result.branches;
    expect(put.refusals).toBe(40);
    expect(store.failed).toBe(true);
    expect(customers.stream.failedInvocations).toBe(1);
    expect(customers.stream.redelivered).toBeGreaterThan(0);
    expect(maintenance.report.read).toBe(READINGS + 2);
    expect(customers.report.read).toBe(CUSTOMERS);
    for (const branch of [maintenance, customers]) expect(isBalanced(branch.report)).toBe(true);
    expect(maintenance.report.rejected).toMatchObject({ 'ragged-row': 1, 'missing-partition-key': 1 });

    const rejections = await quarantined(store);
    const rejectedCount = (r: typeof maintenance.report) =>
      Object.values(r.rejected).reduce((a, b) => a + b, 0);
    expect(rejections).toHaveLength(rejectedCount(maintenance.report) + rejectedCount(customers.report));
    for (const rejection of rejections) expect(rejection.position).toBeDefined();

    // every kept record is in the lake exactly once, the redelivered batch overwrote itself
    const counts = await lakeCounts(dir);
    expect(counts.maintenance).toBe(maintenance.report.kept);
    expect(counts.customers).toBe(customers.report.kept);
    expect(counts.alerts).toBe(result.maintenance.alerts);
  });

  it('computes the same summaries in SQL as the incremental summarisers, and integration scores from them', async () => {
    const { dir, root } = await lakeDir();
    const store = new LocalObjectStore(root);
    const result = await run(dir, store);

    const engine = await createDuckDbEngine({ localRoot: dir, tables: lakeTables() });
    const incremental = await incrementalSummaries(engine).finally(() => engine.close());
    expect(result.customers.segments).toEqual(incremental.customers.segments);
    expect(result.customers.customers).toBe(incremental.customers.customers);
    expect(result.customers.top_category).toBe(incremental.customers.top_category);
    expect(result.customers.top_channel).toBe(incremental.customers.top_channel);
    for (const key of ['avg_purchase_amount', 'avg_value_score', 'satisfaction_index'] as const)
      expect(result.customers[key]).toBeCloseTo(incremental.customers[key], 9);
    expect(result.maintenance.risk_buckets).toEqual(incremental.maintenance.risk_buckets);
    expect(result.maintenance.alerts).toBe(incremental.maintenance.alerts);
    expect(result.maintenance.avg_priority_score).toBeCloseTo(incremental.maintenance.avg_priority_score, 9);
    expect(result.maintenance.machines).toHaveLength(incremental.maintenance.machines.length);
    result.maintenance.machines.forEach((machine, i) => {
      const other = incremental.maintenance.machines[i];
      expect(machine).toMatchObject({
        machine_id: other?.machine_id,
        readings: other?.readings,
        alerts: other?.alerts,
        risk: other?.risk,
      });
      expect(machine.avg_priority_score).toBeCloseTo(other?.avg_priority_score ?? Number.NaN, 9);
      expect(machine.avg_temperature).toBeCloseTo(other?.avg_temperature ?? Number.NaN, 9);
    });

    // computed independently from the raw files with the transforms alone
    expect(result.customers.segments).toEqual(await segmentsOfRawCustomers(store));
    expect(result.maintenance.readings).toBe(await scorableReadings(store));

    const { scores } = result;
    for (const value of Object.values(scores)) expect(value >= 0 && value <= 1).toBe(true);
    const machines = result.maintenance.machines;
    const health = 1 - machines.reduce((t, m) => t + m.avg_priority_score, 0) / machines.length;
    expect(scores.machine_health).toBeCloseTo(health, 4);
    expect(scores.operational_excellence_score).toBeCloseTo(
      0.6 * health + (0.4 * result.customers.satisfaction_index) / 10,
      4,
    );
    expect(scores.business_health_index).toBeCloseTo(
      0.5 * (1 - result.maintenance.risk_buckets.high / machines.length) +
        0.5 * (result.customers.segments.HIGH_VALUE / result.customers.customers),
      4,
    );
    const quality = (r: LakeResult['branches']['maintenance']['report']) =>
      (r.kept + Object.values(r.dropped).reduce((a, b) => a + b, 0)) / r.read;
    expect(scores.data_quality_composite).toBeCloseTo(
      (quality(result.branches.maintenance.report) + quality(result.branches.customers.report)) / 2,
      4,
    );
    const partitions = await readdir(join(root, 'lake/maintenance'));
    expect(partitions).toContain('date=2025-01-01');
    expect(await readdir(join(root, 'lake/customers'))).toEqual(
      expect.arrayContaining(['customer_segment=STANDARD', 'customer_segment=MEDIUM_VALUE']),
    );
    expect(JSON.parse(await readText(store, 'analytics/integrated/scores.json'))).toEqual(scores);
  });

  it('resumes from the checkpoint after ingestion broke off midway, without duplicating rows', async () => {
    const { dir, root } = await lakeDir();
    const store = new LocalObjectStore(root);
    let calls = 0;
    // the second chunk's put loses its tail, then the stream goes away while resending it
    const breaking: PutRecords = async (records) => {
      calls++;
      if (calls === 2) return { refused: [records.length - 2, records.length - 1] };
      if (calls === 3) throw new Error('stream unavailable');
      return { refused: [] };
    };
    await expect(run(dir, store, { maintenance: breaking })).rejects.toThrow('stream unavailable');
    const checkpoint = JSON.parse(await readText(store, 'state/ingestion-maintenance.json'));
    expect(checkpoint.rows).toBe(120);
    const written = async () => {
      const keys: string[] = [];
      for await (const object of listAll(store, 'lake/maintenance/'))
        if (object.key.includes('-c120-')) keys.push(object.key);
      return keys.sort();
    };
    const beforeResume = await written(); // batches of the broken chunk that were already written
    expect(beforeResume.length).toBeGreaterThan(0);

    const result = await run(dir, store);
    const { maintenance } = result.branches;
    expect(maintenance.resumedAt).toBe(120);
    expect(maintenance.report.read).toBe(READINGS + 2);
    expect(isBalanced(maintenance.report)).toBe(true);
    expect((await lakeCounts(dir)).maintenance).toBe(maintenance.report.kept);
    expect(await written()).toEqual(expect.arrayContaining(beforeResume));
    expect(result.maintenance.readings).toBe(await scorableReadings(store));
  });
});

async function segmentsOfRawCustomers(store: ObjectStore) {
  const key = RAW_KEYS.customers;
  const run = await scoreCustomersCsv(await store.get(key), { file: key, onRejected: () => {} });
  const segments = { HIGH_VALUE: 0, MEDIUM_VALUE: 0, STANDARD: 0 };
  for await (const customer of run.customers) segments[customer.customer_segment]++;
  return segments;
}

async function scorableReadings(store: ObjectStore): Promise<number> {
  const key = RAW_KEYS.maintenance;
  const scan = await openCsvScan(await store.get(key), { file: key });
  const columns = headerColumns(scan.header, MACHINE_READING_COLUMNS, key);
  const scorable = (fields: string[]) => {
    const row = columns.row(fields);
    return row.machine_id !== '' && scoreMaintenancePriority(row).kind === 'kept';
  };
  const report = await scan.drain(
    { record: (record) => (scorable(record.fields) ? 'keep' : { drop: 'not-scorable' }) },
    { onRejected: () => {} },
  );
  return report.kept;
}

describe('runLake on empty domains', () => {
  // The header of each raw file as the generator writes it, then rows no validation accepts.
  async function emptyLake(customersBody: (header: string) => string) {
    const { dir, root } = await lakeDir();
    const store = new LocalObjectStore(root);
    const headerOf = async (key: string) => (await readText(store, key)).split('\n')[0] as string;
    await store.put(RAW_KEYS.maintenance, `${await headerOf(RAW_KEYS.maintenance)}\n`);
    await store.put(RAW_KEYS.customers, customersBody(await headerOf(RAW_KEYS.customers)));
    return { dir, store };
  }

  it('completes a header-only readings file and an all-invalid customers file with zero-row summaries', async () => {
    const { dir, store } = await emptyLake((header) => `${header}\n${'x,'.repeat(3)}x\nonly-one-field\n`);
    const result = await run(dir, store);
    expect(result.branches.maintenance.report).toMatchObject({ read: 0, kept: 0 });
    expect(result.branches.customers.report).toMatchObject({ read: 2, kept: 0 });
    expect(result.maintenance).toEqual({
      readings: 0,
      machines: [],
      risk_buckets: { high: 0, medium: 0, low: 0 },
      alerts: 0,
      avg_priority_score: 0,
    });
    expect(result.customers).toMatchObject({
      customers: 0,
      segments: { HIGH_VALUE: 0, MEDIUM_VALUE: 0, STANDARD: 0 },
      satisfaction_index: 0,
      top_category: null,
    });
    expect(result.scores).toEqual({
      machine_health: 1,
      operational_excellence_score: 0.6,
      business_health_index: 0.5,
      data_quality_composite: 0.5, // readings: nothing read (1); customers: all rejected (0)
    });
    const engine = await createDuckDbEngine({ localRoot: dir, tables: lakeTables() });
    try {
      expect(await incrementalSummaries(engine)).toEqual({
        maintenance: result.maintenance,
        customers: result.customers,
      });
    } finally {
      await engine.close();
    }
    expect(JSON.parse(await readText(store, 'analytics/integrated/scores.json'))).toEqual(result.scores);
  });
});

describe('runDemo', () => {
  it('returns balanced reports and JSON-serialisable query rows, starting from an empty lake each time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-lake-demo-'));
    const lines: string[] = [];
    await runDemo({ dir, rows: 200, seed: 3, log: (line) => lines.push(line) });
    const result = await runDemo({ dir, rows: 120, seed: 3, log: (line) => lines.push(line) });
    expect(result.pipeline).toBe('multi-source-lake');
    expect(result.reports.maintenance?.read).toBe(120);
    expect(result.reports.customers?.read).toBe(30);
    for (const report of Object.values(result.reports)) expect(isBalanced(report)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.queries.map((q) => q.name)).toEqual([
      'machine_summary',
      'alert_counts',
      'segment_counts',
      'customer_overview',
    ]);
    expect(lines.length).toBeGreaterThan(0);
  });
});
