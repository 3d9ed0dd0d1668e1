export * from './errors.js';
export * from './message.js';
export * from './sns-notifier.js';
