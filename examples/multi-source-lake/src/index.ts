/** What `runDemo` returns, as every example's does. */
export type { PipelineRunResult as DemoResult } from '@sluice/core/outcome';

export {
  incrementalSummaries,
  type NamedRows,
  type SqlSummaries,
  sqlSummaries,
} from './analytics/summaries.js';
export { lakeTables } from './analytics/tables.js';
export { type BranchOptions, type BranchResult, runBranch } from './branch.js';
export { CUSTOMERS_PARQUET, MAINTENANCE_PARQUET } from './datasets.js';
export * from './errors.js';
export { type CustomerProcessorOptions, customerProcessor } from './handlers/customers.js';
export { storeFromEnvironment } from './handlers/environment.js';
export { type MaintenanceProcessorOptions, maintenanceProcessor } from './handlers/maintenance.js';
export { type Checkpoint, readCheckpoint, writeCheckpoint } from './ingestion/checkpoint.js';
export { csvChunks, type IngestChunk } from './ingestion/simulator.js';
export { type LakeOptions, type LakeResult, runLake } from './lake.js';
export * from './layout.js';
export { type DemoOptions, generateRaw, runDemo, runLocalLake } from './local.js';
