export * from './errors.js';
export * from './fast-path.js';
export * from './filter-stale-orders.js';
export * from './order-columns.js';
export * from './schema.js';
export * from './stale-order-rule.js';
