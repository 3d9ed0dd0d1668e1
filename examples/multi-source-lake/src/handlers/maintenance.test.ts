import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { LocalObjectStore, listAll, type Rejection, readText } from '@sluice/core';
import { runKinesisStream } from '@sluice/core/runner';
import { describe, expect, it } from 'vitest';
import { lakeTables } from '../analytics/tables.js';
import { LAKE_BUCKET, quarantinePrefix } from '../layout.js';
import { maintenanceProcessor } from './maintenance.js';

const READING =
  '"timestamp":"2025-01-01 09:00:00","temperature":80,"vibration":20,"anomaly_flag":0,"downtime_risk":0.5';

// Readings as the wire carries them (JSON text), so the handler's own JSON parsing is what is tested.
const records = [
  `{"machine_id":12345678901234567890,${READING}}`,
  `{"machine_id":1.5,${READING}}`,
  `{"machine_id":7,${READING.replace('"temperature":80', '"temperature":"0x50"')}}`,
  `{"machine_id":8,${READING.replace('"anomaly_flag":0', '"anomaly_flag":2')}}`,
  `{"machine_id":9,${READING.replace('"downtime_risk":0.5', '"downtime_risk":1.5')}}`,
  `{"machine_id":10,${READING.replace('"downtime_risk":0.5', '"downtime_risk":-1')}}`,
  `{"machine_id":"11",${READING}}`,
];

describe('maintenanceProcessor on JSON readings', () => {
  it('keeps a machine_id beyond 2^53 exact and rejects values it would otherwise misread', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lake-maintenance-'));
    const store = new LocalObjectStore(join(dir, LAKE_BUCKET));
    const kept: string[] = [];
    const handler = maintenanceProcessor({ store, onBatch: () => undefined });
    const report = await runKinesisStream(
      records.map((data) => ({ partitionKey: 'p', data })),
      handler,
    );
    expect(report.deadLetters).toEqual([]);
    for await (const object of listAll(store, 'lake/maintenance/')) kept.push(object.key);
    expect(kept).toHaveLength(1);
    const engine = await createDuckDbEngine({ localRoot: dir, tables: lakeTables() });
    const { rows } = await engine.execute('SELECT machine_id FROM maintenance ORDER BY machine_id');
    await engine.close();
    expect(rows).toEqual([{ machine_id: '11' }, { machine_id: '12345678901234567890' }]);
    const rejections: Rejection[] = [];
    for await (const object of listAll(store, quarantinePrefix('maintenance')))
      for (const line of (await readText(store, object.key)).trim().split('\n'))
        rejections.push(JSON.parse(line));
    expect(rejections.map((r) => r.message.replace(/^[^:]*#\d+: /, ''))).toEqual([
      'machine_id: 1.5 is not a whole number',
      'temperature: "0x50" is not a decimal number',
      'anomaly_flag: must be 0 or 1',
      'downtime_risk: must be between 0 and 1',
      'downtime_risk: must be between 0 and 1',
    ]);
  });
});
