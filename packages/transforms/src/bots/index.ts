export * from './bot-detector.js';
export * from './detect-bots.js';
export * from './errors.js';
export * from './event-time.js';
export * from './options.js';
export * from './schema.js';
export * from './state.js';
export * from './window-counter.js';
