export type { DeliveryReport, Undelivered } from './delivery.js';
export { MemoryNotifier, type Notification, type Notifier } from './notifier.js';
