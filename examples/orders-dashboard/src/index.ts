export { type FilterConfig, filterConfigFromEnv } from './config.js';
export { type DashboardPanel, refreshDashboard } from './dashboard.js';
export * from './dashboard-queries.js';
export * from './errors.js';
export {
  type FilterOrdersOptions,
  filterOrdersObject,
  type OrdersObjectResult,
} from './filter-orders-object.js';
export { type FilterOrdersHandlerDeps, filterOrdersHandler } from './handlers/filter-orders.js';
export { type RefreshDashboardDeps, refreshDashboardHandler } from './handlers/refresh-dashboard.js';
export { DEMO_BUCKET, type DemoOptions, type DemoResult, runDemo } from './local.js';
export { type OrderOutputKeys, orderOutputKeys, RAW_ORDERS } from './object-keys.js';
export { parquetBatch } from './processed-parquet.js';
export { parquetSchemaOf } from './processed-schema.js';
export { checkProcessedHeader, PROCESSED_COLUMNS, processedTable } from './processed-table.js';
export { seedQueryTexts } from './seed-queries.js';
