import type { SourceRecord } from '@sluice/core';
import { isBalanced } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { batchIdFromContent, batchIdFromSequenceNumbers, batchObjectKey } from './batch-id.js';
import { EmptyBatchError } from './errors.js';
import { scoreMaintenanceBatch } from './maintenance-batch.js';

// rows of the smart-manufacturing sample feed, as the CSV codec hands them over
const rows = [
  {
    timestamp: '2025-01-01 00:00:00',
    machine_id: '39',
    temperature: '78.61',
    vibration: '28.65',
    anomaly_flag: '0',
    downtime_risk: '0.0',
  },
  {
    timestamp: '2025-01-01 00:02:00',
    machine_id: '15',
    temperature: '98.94',
    vibration: '50.2',
    anomaly_flag: '1',
    downtime_risk: '1.0',
  },
  {
    timestamp: '2025-01-01 00:03:00',
    machine_id: '43',
    temperature: 'ERR',
    vibration: '37.65',
    anomaly_flag: '1',
    downtime_risk: '1.0',
  },
];
const fromStream = (values: unknown[], first = 100): SourceRecord<unknown>[] =>
  values.map((value, i) => ({
    ok: true,
    value,
    position: { kind: 'stream', stream: 'manufacturing-data-stream', sequenceNumber: String(first + i) },
  }));

describe('scoreMaintenanceBatch', () => {
  it('scores, alerts and rejects with positions, accounting for every record', () => {
    const decodeFailure: SourceRecord<unknown> = {
      ok: false,
      rejection: {
        reason: 'invalid-json',
        message: 'not JSON',
        position: { kind: 'stream', stream: 's', sequenceNumber: '103' },
      },
    };
    const batch = scoreMaintenanceBatch([...fromStream(rows), decodeFailure], { now: () => 0 });
    expect(batch.scored.map((r) => r.maintenance_priority_score)).toEqual([0.3075, 0.8723]);
    expect(batch.alerts).toEqual([expect.objectContaining({ machine_id: '15', score: 0.8723 })]);
    expect(batch.rejections[0]).toMatchObject({
      reason: 'invalid-reading',
      message: expect.stringMatching(/^manufacturing-data-stream#102: temperature: "ERR" is not a number/),
      position: { sequenceNumber: '102' },
    });
    expect(batch.report).toMatchObject({
      read: 4,
      kept: 2,
      rejected: { 'invalid-reading': 1, 'invalid-json': 1 },
    });
    expect(isBalanced(batch.report)).toBe(true);
    expect(batch.batchId).toBe('100-103');
  });

  it('derives the same batch id from the same input, so a retried batch overwrites itself', () => {
    const once = scoreMaintenanceBatch(rows.map((value) => ({ ok: true as const, value })));
    const again = scoreMaintenanceBatch(rows.map((value) => ({ ok: true as const, value })));
    const other = scoreMaintenanceBatch(rows.slice(1).map((value) => ({ ok: true as const, value })));
    expect(once.batchId).toMatch(/^[0-9a-f]{32}$/);
    expect(again.batchId).toBe(once.batchId);
    expect(other.batchId).not.toBe(once.batchId);
  });
});

describe('batch ids', () => {
  it('come from sequence numbers or content, and name the output object', () => {
    expect(batchIdFromSequenceNumbers(['49590', '49591', '49597'])).toBe('49590-49597');
    expect(batchIdFromSequenceNumbers(['49590'])).toBe('49590');
    expect(() => batchIdFromSequenceNumbers([])).toThrow(EmptyBatchError);
    expect(batchIdFromContent(['ab', 'c'])).not.toBe(batchIdFromContent(['a', 'bc']));
    expect(batchIdFromContent([new TextEncoder().encode('ab')])).toBe(batchIdFromContent(['ab']));
    expect(batchObjectKey('processed/manufacturing/', '1-9', 'jsonl')).toBe(
      'processed/manufacturing/batch-1-9.jsonl',
    );
  });
});
