export * from './analytics/index.js';
export * from './bots/index.js';
export * from './clickstream/index.js';
export * from './customers/index.js';
export * from './dates/index.js';
export * from './maintenance/index.js';
export * from './orders/index.js';
export * from './transactions/index.js';
