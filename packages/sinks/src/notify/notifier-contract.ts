import { describe, expect, it } from 'vitest';
import type { Notifier } from './notifier.js';

/**
 * The behaviour the pipelines rely on from every `Notifier`: valid notifications are sent, bad
 * ones rejected with a reason without failing the others, and every notification is accounted for.
 * `read` returns the messages the backend received, when it can tell.
 */
export function describeNotifier(
  backend: string,
  setup: () => Promise<{ notifier: Notifier; read?: () => Promise<string[]> }>,
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
  });
}
