export * from './delivery.js';
export * from './notifier.js';
