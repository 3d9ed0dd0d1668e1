import { toSnsEntry } from '../sns/message.js';
import type { DeliveryReport, Undelivered } from './delivery.js';

/** One notification: a message, an optional subject (email-style), and filterable attributes. */
export interface Notification {
  message: string;
  subject?: string;
  /** Message attributes subscribers can filter on. */
  attributes?: Record<string, string | number>;
  /**
   * A deterministic id (the same notification sent again has the same id), so receivers can drop a
   * repeat: SNS FIFO topics use it as `MessageDeduplicationId`; the local notifiers skip an id they
   * have already sent. At most 128 characters: letters, digits and ASCII punctuation.
   */
  id?: string;
  /** SNS FIFO topics only: the `MessageGroupId` (ordered within a group). Default `default`. */
  groupId?: string;
}

/**
 * Where the pipelines send alerts: SNS in AWS, a JSON Lines file on a laptop, memory in tests.
 *
 * @example
 * const report = await notifier.publish([{ subject: 'Large order', message: JSON.stringify(tx) }]);
 * if (report.failed.length > 0) retryLater(report.failed);
 */
export interface Notifier {
  publish(
    notifications: readonly Notification[],
    options?: { signal?: AbortSignal },
  ): Promise<DeliveryReport<Notification>>;
}

/**
 * Keeps published notifications in memory, for tests of pipelines that notify. It rejects what
 * SNS would refuse (empty or oversize messages, bad attributes), so tests see the same outcomes,
 * and, as a FIFO topic does, accepts a notification whose `id` it has already sent without keeping it twice.
 *
 * @example
 * const notifier = new MemoryNotifier();
 * await runPipeline({ notifier });
 * expect(notifier.sent).toHaveLength(1);
 */
export class MemoryNotifier implements Notifier {
  readonly sent: Notification[] = [];
  readonly #ids = new Set<string>();

  async publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const rejected: Undelivered<Notification>[] = [];
    let sent = 0;
    for (const [index, notification] of notifications.entries()) {
      const built = toSnsEntry(notification, index);
      if (!built.ok) {
        rejected.push(built.rejection);
        continue;
      }
      sent++;
      if (notification.id !== undefined && this.#ids.has(notification.id)) continue;
      if (notification.id !== undefined) this.#ids.add(notification.id);
      this.sent.push(structuredClone(notification));
    }
    return { sent, retried: 0, rejected, failed: [] };
  }
}
