/** What `runDemo` returns, as every example's does. */
export type { PipelineRunResult as DemoResult } from '@sluice/core/outcome';

export { EVENTS_PARQUET, type EventsDatasetResult, writeEventsDataset } from './batch/events-dataset.js';
export { eventsTable } from './batch/events-table.js';
export * from './batch/insight-queries.js';
export {
  type BatchOptions,
  type BatchResult,
  type InsightSettings,
  type NamedRows,
  runBatch,
  runInsights,
} from './batch/run-batch.js';
export * from './errors.js';
export { type EventRow, readEventRows } from './event-rows.js';
export * from './layout.js';
export {
  type DemoOptions,
  generateEvents,
  type LocalRunOptions,
  type LocalRunResult,
  runDemo,
  runLocal,
  runLocalStream,
} from './local.js';
export { type BotStreamHandlerOptions, botStreamHandler } from './stream/bot-stream-handler.js';
export { addCounts, closeWindows } from './stream/close-windows.js';
export {
  alertOf,
  DetectionPublisher,
  type DetectionPublisherOptions,
  type PublishCounts,
} from './stream/detection-publisher.js';
export { DETECTIONS_EXPORT_KEY, writeDetectionsExport } from './stream/detections-export.js';
export { type DetectorStates, MemoryDetectorStates, ObjectDetectorStates } from './stream/detector-states.js';
export { runStream, type StreamOptions, type StreamResult } from './stream/run-stream.js';
