export * from './errors.js';
export type { FilterStaleOrdersOptions, StaleOrderRun } from './filter-stale-orders.js';
export { filterStaleOrders } from './filter-stale-orders.js';
export * from './order-columns.js';
export * from './schema.js';
export * from './stale-order-rule.js';
