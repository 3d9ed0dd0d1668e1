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

  it('rejects a key over 2,048 bytes (in UTF-8, not characters) as key-too-large', () => {
    const items = [
      { key: 'k'.repeat(2048), windowStart: 0 },
      { key: 'é'.repeat(1025), windowStart: 0 }, // 1,025 characters, 2,050 bytes
      { key: 'T'.repeat(3000), windowStart: 0 },
    ];
    const plan = planBatchWrite(items, schema);
    expect(plan.rejected.map((r) => [r.reason, r.item.key])).toEqual([
      ['key-too-large', 'é'.repeat(1025)],
      ['key-too-large', 'T'.repeat(3000)],
    ]);
    expect(plan.rejected[1]?.message).toBe(
      `key attribute "key" for table detections is 3000 bytes, over DynamoDB's 2048-byte limit`,
    );
    expect(plan.chunks.flat()).toHaveLength(1);
  });
});
