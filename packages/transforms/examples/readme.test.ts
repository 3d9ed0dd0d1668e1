import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readText } from '@sluice/core';
import { expect, it, vi } from 'vitest';
import { readmeExamples } from '../../../scripts/readme-examples.js';

// Every ```ts block of the README is one of these files (scripts/readme-examples.ts); importing a
// file runs it, in a temporary folder since some read relative paths.
const packageDir = readmeExamples(import.meta.dirname, 'transforms');

it('filterStaleOrders: stale rows dropped, kept bytes, rejections quarantined', async () => {
  const { store, report } = (await import('./orders.js')).ran;
  expect(report).toMatchObject({
    read: 4,
    kept: 2,
    dropped: { stale: 1 },
    rejected: { 'invalid-date': 1 },
    lines: 5,
  });
  expect(await readText(store, 'processed/orders.csv')).toBe(
    'OrderID,Status,OrderDate\nO2,pending,2025-05-31\nO3,shipped,2025-01-01\n',
  );
  const quarantined = JSON.parse(await readText(store, 'quarantine/orders.jsonl'));
  expect(quarantined).toMatchObject({
    reason: 'invalid-date',
    position: { file: 'raw/orders.csv', line: 5 },
  });
});

it('scoreMaintenanceBatch: scored readings stored by batch id, one alert published', async () => {
  const { store, batch, published } = (await import('./maintenance.js')).ran;
  expect(batch.report).toMatchObject({ read: 2, kept: 2 });
  const [key, ...others] = (await store.list('processed/manufacturing/')).objects.map((o) => o.key);
  expect(others).toEqual([]);
  expect(key).toContain(batch.batchId);
  const lines = (await readText(store, key ?? '')).trim().split('\n');
  expect(lines.map((line) => JSON.parse(line).machine_id)).toEqual(['M-1', 'M-2']);
  expect(published).toHaveLength(1);
  expect(JSON.parse(published[0]?.message ?? '')).toMatchObject({
    machine_id: 'M-1',
    alert_type: 'HIGH_MAINTENANCE_PRIORITY',
  });
});

it('scoreCustomersCsv: three scored, the "N/A" amount rejected naming line and column', async () => {
  const { quarantine, scored, report } = (await import('./customers.js')).ran;
  expect(report).toMatchObject({
    read: 4,
    kept: 3,
    dropped: {},
    rejected: { 'invalid-customer': 1 },
    lines: 5,
  });
  expect(quarantine.map((r) => r.message)).toEqual([
    'raw/customers.csv:4: Purchase_Amount: " N/A  " is not a number',
  ]);
  expect(scored[0]).toMatchObject({ customer_value_score: 0.4335, customer_segment: 'MEDIUM_VALUE' });
});

it('analytics: integration scores over both domains', async () => {
  const { scores } = (await import('./analytics.js')).ran;
  expect(Object.keys(scores).sort()).toEqual([
    'business_health_index',
    'data_quality_composite',
    'machine_health',
    'operational_excellence_score',
  ]);
  expect(scores.data_quality_composite).toBeCloseTo((1 + 3 / 4) / 2, 4);
});

it('enrichClickRecords: every Firehose record answered once, failures logged', async () => {
  const { handler } = await import('./clickstream.js');
  const event = JSON.parse(
    await readFile(
      join(packageDir, '../core/src/lambda/fixtures/events/firehose/clickstream-transformation.json'),
      'utf8',
    ),
  );
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { records } = await handler(event);
  const warnings = warn.mock.calls.length;
  warn.mockRestore();
  expect(records.map((r) => r.recordId)).toEqual(event.records.map((r: { recordId: string }) => r.recordId));
  expect(records.filter((r) => r.result === 'ProcessingFailed')).toHaveLength(warnings);
  expect(records.some((r) => r.result === 'Ok')).toBe(true);
});

it('classifyTransaction: notified once, a redelivery is silent, a conflict and a bad quantity quarantined', async () => {
  const { published, quarantined } = (await import('./transactions.js')).ran;
  expect(published).toHaveLength(1);
  expect(quarantined).toEqual(['m3: conflict: 7', expect.stringMatching(/^m4: quantity/)]);
});

it('detectBots and BotDetector: the same bot from a finite set and from a stream with state', async () => {
  const { detections, rejections, report, flagged, quarantined } = (await import('./bots.js')).ran;
  expect(detections).toMatchObject([{ key: '520088904', count: 8, severity: 'flag' }]);
  expect(report).toMatchObject({ read: 10, kept: 8, dropped: {}, rejected: { schema: 2 } });
  expect(rejections.map((r) => r.position)).toEqual([
    { kind: 'file', file: 'events.csv', line: 10 },
    { kind: 'file', file: 'events.csv', line: 11 },
  ]);
  // Sliding 60 s windows every 10 s: the six windows holding the eight events each flag the session.
  expect(flagged.map((d) => `${d.key}:${d.count}`)).toEqual(Array(6).fill('session-520088904:8'));
  expect(quarantined.map((r) => r.position)).toMatchObject([
    { sequenceNumber: '8' },
    { sequenceNumber: '9' },
  ]);
});

it('detectBotsFromCsv: the session flagged, ragged and unreadable rows to onRejected', async () => {
  const { run, quarantined } = (await import('./bots-csv.js')).ran;
  expect(run.detections).toMatchObject([{ key: 's-1', count: 6, severity: 'flag' }]);
  expect(run.report).toMatchObject({ read: 8, kept: 6, rejected: { schema: 1, 'ragged-row': 1 }, lines: 9 });
  expect(quarantined.map((r) => r.position)).toMatchObject([{ line: 8 }, { line: 9 }]);
});
