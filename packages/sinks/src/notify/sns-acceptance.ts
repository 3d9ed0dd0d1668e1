import { toSnsEntry } from '../sns/message.js';
import type { DeliveryReport, Undelivered } from './delivery.js';
import type { Notification } from './notifier.js';

/** A notification SNS would take, with the subject SNS would show (repaired to what it accepts). */
export interface AcceptedNotification {
  notification: Notification;
  subject: string | undefined;
}

/** What a local notifier should keep of one publish, and the report to return for it. */
export interface SnsAcceptance {
  /** Accepted and not sent before: the ones to store. */
  fresh: AcceptedNotification[];
  /** The ids of `fresh`, to remember once they are stored. */
  freshIds: Set<string>;
  report: DeliveryReport<Notification>;
}

/**
 * Judges a publish the way SNS does, for the local notifiers: a notification SNS would refuse is
 * rejected; an accepted one counts as sent, but like a FIFO topic one whose `id` was sent before (or
 * earlier in the same publish) is not stored again.
 *
 * @example const { fresh, freshIds, report } = acceptAsSns(notifications, sentIds);
 */
export function acceptAsSns(
  notifications: readonly Notification[],
  sentIds: ReadonlySet<string>,
): SnsAcceptance {
  const rejected: Undelivered<Notification>[] = [];
  const fresh: AcceptedNotification[] = [];
  const freshIds = new Set<string>();
  for (const [index, notification] of notifications.entries()) {
    const built = toSnsEntry(notification, index);
    if (!built.ok) {
      rejected.push(built.rejection);
      continue;
    }
    const { id } = notification;
    if (id !== undefined && (sentIds.has(id) || freshIds.has(id))) continue;
    if (id !== undefined) freshIds.add(id);
    fresh.push({ notification, subject: built.entry.subject });
  }
  const sent = notifications.length - rejected.length;
  return { fresh, freshIds, report: { sent, retried: 0, rejected, failed: [] } };
}
