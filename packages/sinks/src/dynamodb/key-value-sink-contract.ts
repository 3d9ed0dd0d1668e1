import { describe, expect, it } from 'vitest';
import type { KeySchema } from './batch-plan.js';
import { AttributePathError, ItemTooLargeError, KeyTooLargeError } from './errors.js';
import { MAX_ITEM_BYTES } from './item-size.js';
import type { KeyValueSink } from './key-value-sink.js';

/** Tables every backend under test must have: string partition keys, a numeric sort key. */
export const CONTRACT_TABLES = {
  transactions: { tableName: 'contract-transactions', partitionKey: 'TransactionID' },
  detections: { tableName: 'contract-detections', partitionKey: 'key', sortKey: 'windowStart' },
} as const satisfies Record<string, KeySchema>;

/**
 * The behaviour the transaction and bot pipelines rely on, run over every `KeyValueSink`
 * backend. `sinkFor` returns a sink writing to one of {@link CONTRACT_TABLES}.
 */
export function describeKeyValueSink(backend: string, sinkFor: (table: KeySchema) => KeyValueSink): void {
  const transactions = () => sinkFor(CONTRACT_TABLES.transactions);
  const detections = () => sinkFor(CONTRACT_TABLES.detections);

  describe(`KeyValueSink contract: ${backend}`, () => {
    it('creates once, accepts a redelivery as duplicate, flags other content as conflict', async () => {
      const tx = { TransactionID: 'c-1', product_name: 'Widget', quantity: 2, unit_price: 3.5 };
      expect(await transactions().putIfAbsent(tx)).toBe('created');
      const reordered = { unit_price: 3.5, quantity: 2, product_name: 'Widget', TransactionID: 'c-1' };
      expect(await transactions().putIfAbsent(reordered)).toBe('duplicate');
      expect(await transactions().putIfAbsent({ ...tx, quantity: 3 })).toBe('conflict');
      expect(await transactions().get({ TransactionID: 'c-1' })).toMatchObject({ quantity: 2 });
    });

    it('treats an item first written by writeBatch as a duplicate of the same content', async () => {
      const tx = { TransactionID: 'c-batch', product_name: 'Widget', quantity: 1, unit_price: 2 };
      await transactions().writeBatch([tx]);
      expect(await transactions().putIfAbsent({ ...tx })).toBe('duplicate');
      expect(await transactions().putIfAbsent({ ...tx, quantity: 5 })).toBe('conflict');
    });

    it('refuses an item over 400 KB with ItemTooLargeError', async () => {
      const big = { TransactionID: 'c-big', note: 'x'.repeat(MAX_ITEM_BYTES) };
      await expect(transactions().putIfAbsent(big)).rejects.toBeInstanceOf(ItemTooLargeError);
      expect(await transactions().get({ TransactionID: 'c-big' })).toBeUndefined();
    });

    it('refuses a partition key over 2,048 bytes with KeyTooLargeError, before writing', async () => {
      const sink = transactions();
      const item = { TransactionID: 'T'.repeat(3000), quantity: 1 };
      await expect(sink.putIfAbsent(item)).rejects.toBeInstanceOf(KeyTooLargeError);
      await expect(sink.upsert({ TransactionID: 'T'.repeat(2049) }, { quantity: 1 })).rejects.toThrow(
        /2049 bytes, over DynamoDB's 2048-byte limit/,
      );
    });

    it('updates only while the stored item holds the expected values, in nested maps too', async () => {
      const sink = transactions();
      const outbox = { id: 'n-1', status: 'pending', subject: 'Large order' };
      await sink.putIfAbsent({ TransactionID: 'c-outbox', quantity: 500, Notification: outbox });
      const deliver = (id: string) =>
        ({
          when: [
            { path: ['Notification', 'id'], value: id },
            { path: ['Notification', 'status'], value: 'pending' },
          ],
          set: [
            { path: ['Notification', 'status'], value: 'delivered' },
            { path: ['Notification', 'deliveredAt'], value: '2026-01-01T00:00:00.000Z' },
          ],
        }) as const;
      expect(await sink.updateIf({ TransactionID: 'c-outbox' }, deliver('n-other'))).toBe('condition-failed');
      expect(await sink.updateIf({ TransactionID: 'c-outbox' }, deliver('n-1'))).toBe('updated');
      expect(await sink.updateIf({ TransactionID: 'c-outbox' }, deliver('n-1'))).toBe('condition-failed');
      expect(await sink.get({ TransactionID: 'c-outbox' })).toMatchObject({
        quantity: 500,
        Notification: { ...outbox, status: 'delivered', deliveredAt: '2026-01-01T00:00:00.000Z' },
      });
    });

    it('lets one of two concurrent conditional updates win and never creates a missing item', async () => {
      const sink = transactions();
      await sink.putIfAbsent({ TransactionID: 'c-claim', state: 'open' });
      const claim = (by: string) =>
        sink.updateIf(
          { TransactionID: 'c-claim' },
          { when: [{ path: ['state'], value: 'open' }], set: [{ path: ['state'], value: by }] },
        );
      expect((await Promise.all([claim('a'), claim('b')])).sort()).toEqual(['condition-failed', 'updated']);
      const missing = { when: [], set: [{ path: ['state'], value: 'x' }] } as const;
      expect(await sink.updateIf({ TransactionID: 'c-absent' }, missing)).toBe('condition-failed');
      expect(await sink.get({ TransactionID: 'c-absent' })).toBeUndefined();
    });

    it('refuses to set a path inside a map the item does not have, with AttributePathError', async () => {
      const sink = transactions();
      await sink.putIfAbsent({ TransactionID: 'c-flat', quantity: 1 });
      const update = { when: [], set: [{ path: ['Notification', 'status'], value: 'delivered' }] } as const;
      await expect(sink.updateIf({ TransactionID: 'c-flat' }, update)).rejects.toBeInstanceOf(
        AttributePathError,
      );
      expect(await sink.get({ TransactionID: 'c-flat' })).not.toHaveProperty('Notification');
    });

    it('keeps one item per (key, windowStart) however often it is upserted', async () => {
      const sink = detections();
      const detection = { windowEnd: 10_000, count: 12, severity: 'high' };
      await sink.upsert({ key: 'bot-1', windowStart: 0 }, detection);
      await sink.upsert({ key: 'bot-1', windowStart: 0 }, detection);
      await sink.upsert({ key: 'bot-1', windowStart: 10_000 }, { ...detection, count: 6 });
      expect(await sink.get({ key: 'bot-1', windowStart: 0 })).toEqual({
        key: 'bot-1',
        windowStart: 0,
        ...detection,
      });
      expect(await sink.get({ key: 'bot-1', windowStart: 10_000 })).toMatchObject({ count: 6 });
    });

    it('upserts with nothing to set create a missing item and leave an existing one as it was', async () => {
      const sink = detections();
      await sink.upsert({ key: 'bot-2', windowStart: 0 }, { count: 7 });
      await sink.upsert({ key: 'bot-2', windowStart: 0 }, {});
      await sink.upsert({ key: 'bot-3', windowStart: 0 }, {});
      expect(await sink.get({ key: 'bot-2', windowStart: 0 })).toEqual({
        key: 'bot-2',
        windowStart: 0,
        count: 7,
      });
      expect(await sink.get({ key: 'bot-3', windowStart: 0 })).toEqual({ key: 'bot-3', windowStart: 0 });
    });

    it('creates exactly once when the same message is delivered twice at the same time', async () => {
      const tx = { TransactionID: 'c-race', quantity: 1 };
      const results = await Promise.all([
        transactions().putIfAbsent(tx),
        transactions().putIfAbsent({ ...tx }),
      ]);
      expect(results.sort()).toEqual(['created', 'duplicate']);
    });

    it('writes a batch with a repeated key (last wins) and rejects keyless items', async () => {
      const report = await detections().writeBatch([
        { key: 'b-1', windowStart: 0, count: 6 },
        { windowStart: 0, count: 1 },
        { key: 'b-1', windowStart: 0, count: 9 },
      ]);
      expect(report.written).toBe(1);
      expect(report.collapsed).toBe(1);
      expect(report.rejected.map((r) => r.reason)).toEqual(['missing-key']);
      expect(await detections().get({ key: 'b-1', windowStart: 0 })).toMatchObject({ count: 9 });
    });
  });
}
