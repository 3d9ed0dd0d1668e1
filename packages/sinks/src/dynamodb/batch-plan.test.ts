import { describe, expect, it } from 'vitest';
import { planBatchWrite } from './batch-plan.js';
import { MAX_ITEM_BYTES } from './item-size.js';

const schema = { tableName: 'detections', partitionKey: 'key', sortKey: 'windowStart' };

describe('planBatchWrite', () => {
  it('splits into calls of at most 25 items', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ key: `u${i}`, windowStart: 0 }));
    expect(planBatchWrite(items, schema).chunks.map((c) => c.length)).toEqual([25, 25, 10]);
  });

  it('keeps the last item of a repeated key so no call names a key twice', () => {
    const items = [
      { key: 'u1', windowStart: 0, count: 6 },
      { key: 'u1', windowStart: 10, count: 7 },
      { key: 'u1', windowStart: 0, count: 8 },
    ];
    const plan = planBatchWrite(items, schema);
    expect(plan.collapsed).toBe(1);
    expect(plan.chunks.flat()).toEqual([
      { key: 'u1', windowStart: 0, count: 8 },
      { key: 'u1', windowStart: 10, count: 7 },
    ]);
  });

  it('rejects oversize and keyless items with a reason instead of failing the batch', () => {
    const items = [
      { key: 'big', windowStart: 0, body: 'x'.repeat(MAX_ITEM_BYTES) },
      { windowStart: 0 },
      { key: 'ok', windowStart: 0 },
    ];
    const plan = planBatchWrite(items, schema);
    expect(plan.rejected.map((r) => r.reason)).toEqual(['item-too-large', 'missing-key']);
    expect(plan.rejected[0]?.message).toMatch(/"key":"big".*detections/);
    expect(plan.chunks.flat()).toEqual([{ key: 'ok', windowStart: 0 }]);
  });
});
