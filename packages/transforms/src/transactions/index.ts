export * from './cents.js';
export * from './classify-transaction.js';
export * from './errors.js';
export * from './fingerprint.js';
export { transactionNotificationId } from './notifications.js';
export * from './schema.js';
