import { snsRefusal, snsSubject } from '../sns/message.js';
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
  freshIds: string[];
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
  sentIds: { has(id: string): boolean },
): SnsAcceptance {
  const rejected: Undelivered<Notification>[] = [];
  const fresh: AcceptedNotification[] = [];
  // An array: a publish holds a handful of notifications (SNS batches ten at most).
  const freshIds: string[] = [];
  for (let index = 0; index < notifications.length; index++) {
    const notification = notifications[index] as Notification;
    const refusal = snsRefusal(notification, index);
    if (refusal) {
      rejected.push(refusal);
      continue;
    }
    const { id } = notification;
    if (id !== undefined && (sentIds.has(id) || freshIds.includes(id))) continue;
    if (id !== undefined) freshIds.push(id);
    fresh.push({ notification, subject: snsSubject(notification.subject) });
  }
  const sent = notifications.length - rejected.length;
  return { fresh, freshIds, report: { sent, retried: 0, rejected, failed: [] } };
}
