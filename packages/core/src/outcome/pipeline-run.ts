import type { RunReport } from './report.js';

/**
 * What a local run of a whole pipeline returns: the run report of each stage, a JSON-ready summary
 * and the rows of the queries it ran. Every example's `runDemo` returns one; `sluice demo` prints it
 * and renders it into the dashboard.
 *
 * @example
 * const result: PipelineRunResult = { pipeline: 'orders-dashboard', reports: { filter: report }, summary: {}, queries: [] };
 */
export interface PipelineRunResult {
  pipeline: string;
  reports: Record<string, RunReport>;
  summary: Record<string, unknown>;
  queries: { name: string; rows: Record<string, unknown>[] }[];
}
