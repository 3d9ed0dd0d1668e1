export * from './outcome.js';
export type { PipelineRunResult } from './pipeline-run.js';
export * from './report.js';
