export * from './errors.js';
export * from './schema.js';
export * from './stale-order-rule.js';
