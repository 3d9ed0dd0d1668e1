import type { DeliveryReport } from './delivery.js';
import { acceptAsSns } from './sns-acceptance.js';

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
    const { fresh, freshIds, report } = acceptAsSns(notifications, this.#ids);
    for (const id of freshIds) this.#ids.add(id);
    for (const { notification } of fresh) this.sent.push(structuredClone(notification));
    return report;
  }
}
