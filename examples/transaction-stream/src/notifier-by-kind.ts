import type { DeliveryReport, Notification, Notifier, Undelivered } from '@sluice/sinks/notify';

/**
 * A notifier that sends each notification to the notifier of its kind (its `groupId`: `large-order`,
 * `inventory`), or to `fallback` for a kind without one, and reports the deliveries as one, with
 * indexes into the caller's list. The reference deployment gives each kind its own SNS topic.
 *
 * @example const notifier = notifierByKind({ 'large-order': largeOrders }, inventory);
 */
export function notifierByKind(byKind: Readonly<Record<string, Notifier>>, fallback: Notifier): Notifier {
  return {
    async publish(notifications, options) {
      const groups = new Map<Notifier, number[]>();
      notifications.forEach((notification, index) => {
        const target = byKind[notification.groupId ?? ''] ?? fallback;
        groups.set(target, [...(groups.get(target) ?? []), index]);
      });
      const report: DeliveryReport<Notification> = { sent: 0, retried: 0, rejected: [], failed: [] };
      for (const [target, indexes] of groups) {
        const part = await target.publish(
          indexes.map((i) => notifications[i] as Notification),
          options,
        );
        const remap = (u: Undelivered<Notification>) => ({ ...u, index: indexes[u.index] ?? u.index });
        report.sent += part.sent;
        report.retried += part.retried;
        report.rejected.push(...part.rejected.map(remap));
        report.failed.push(...part.failed.map(remap));
      }
      return report;
    },
  };
}
