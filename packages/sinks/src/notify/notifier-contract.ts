import { describe, expect, it } from 'vitest';
import type { Notifier } from './notifier.js';

/**
 * The behaviour the pipelines rely on from every `Notifier`: valid notifications are sent, bad
 * ones rejected with a reason without failing the others, every notification is accounted for,
 * and an `id` already sent is not sent again. `read` returns the messages the backend received, when it can tell.
 */
export function describeNotifier(
  backend: string,
  /** `dedupsById: false` when the backend does not itself drop an `id` it has sent (SNS does so on the server). */
  setup: () => Promise<{ notifier: Notifier; read?: () => Promise<string[]>; dedupsById?: boolean }>,
): void {
  describe(`Notifier contract: ${backend}`, () => {
    it('sends every valid notification', async () => {
      const { notifier, read } = await setup();
      const report = await notifier.publish([
        { subject: 'Large order', message: '{"transaction_id":"TX-1"}', attributes: { status: 'pending' } },
        { message: 'inventory TX-2' },
      ]);
      expect(report).toEqual({ sent: 2, retried: 0, rejected: [], failed: [] });
      if (read) expect(await read()).toEqual(['{"transaction_id":"TX-1"}', 'inventory TX-2']);
    });

    it('rejects an empty or oversize message with its reason and still sends the rest', async () => {
      const { notifier, read } = await setup();
      const report = await notifier.publish([
        { message: '' },
        { message: 'kept' },
        { message: 'x'.repeat(300_000) },
      ]);
      expect(report.sent).toBe(1);
      expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([
        [0, 'empty-message'],
        [2, 'too-large'],
      ]);
      if (read) expect(await read()).toEqual(['kept']);
    });

    it('rejects an id or group SNS FIFO would refuse', async () => {
      const { notifier } = await setup();
      const report = await notifier.publish([
        { message: 'a', id: 'x'.repeat(129) },
        { message: 'b', groupId: 'café' },
        { message: 'c', id: 'tx-1:inventory' },
      ]);
      expect(report.sent).toBe(1);
      expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([
        [0, 'invalid-id'],
        [1, 'invalid-id'],
      ]);
    });

    it('accepts a notification whose id it already sent, without sending it twice', async () => {
      const { notifier, read, dedupsById = true } = await setup();
      const first = await notifier.publish([{ message: 'a', id: 'n-1' }, { message: 'b' }]);
      const again = await notifier.publish([{ message: 'a', id: 'n-1' }, { message: 'b' }]);
      expect([first.sent, again.sent]).toEqual([2, 2]);
      if (read && dedupsById) expect(await read()).toEqual(['a', 'b', 'b']);
    });
  });
}
