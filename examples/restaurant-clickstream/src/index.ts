/** What `runDemo` returns, as every example's does. */
export type { PipelineRunResult as DemoResult } from '@sluice/core/outcome';

export {
  CLICKS_ERROR_PREFIX,
  CLICKS_PREFIX,
  type ClicksTableOptions,
  clicksTable,
} from './clicks-table.js';
export { type EnrichConfig, enrichConfigFromEnv } from './config.js';
export {
  type InsightsEvent,
  type InsightsHandler,
  type InsightsHandlerDeps,
  insightsHandler,
} from './handlers/clickstream-insights.js';
export { type EnrichClicksHandlerDeps, enrichClicksHandler } from './handlers/enrich-clicks.js';
export * from './insights-queries.js';
export {
  DEMO_BUCKET,
  type DemoOptions,
  type IngestOptions,
  type IngestRun,
  ingestClicks,
  runDemo,
} from './local.js';
