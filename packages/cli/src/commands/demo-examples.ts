import type { PipelineRunResult } from '@sluice/core/outcome';
import type { SectionId } from '@sluice/example-dashboard';

/** What each example's `runDemo` returns: the demo prints it and renders it into the summary page. */
export type DemoResult = PipelineRunResult;

export interface DemoRunOptions {
  dir: string;
  rows: number;
  seed: number;
  log: (line: string) => void;
}

/** One reference pipeline as the demo runs it. */
export interface DemoExample {
  name: string;
  title: string;
  /** Its section of the dashboard. */
  section: SectionId;
  /**
   * Its CPU time alone at 1M rows (s, user + system, as last measured): the demo plans the order it
   * starts them in from these (`plannedOrder`).
   */
  cost: number;
  /** Its process's peak RSS at 1M rows (MB, as last measured): the demo keeps the sum of those running in budget. */
  peakMb: number;
  run(options: DemoRunOptions): Promise<DemoResult>;
}

/** The five reference pipelines, in the order the demo runs them. */
export const DEMO_EXAMPLES: DemoExample[] = [
  {
    name: 'orders-dashboard',
    section: 'orders',
    cost: 22,
    peakMb: 440,
    title: 'S3 order filter with an Athena dashboard (seed 000)',
    run: async (options) => (await import('@sluice/example-orders-dashboard')).runDemo(options),
  },
  {
    name: 'restaurant-clickstream',
    section: 'clickstream',
    cost: 52,
    peakMb: 300,
    title: 'Firehose clickstream for restaurant insights (seed 001)',
    run: async (options) => (await import('@sluice/example-restaurant-clickstream')).runDemo(options),
  },
  {
    name: 'multi-source-lake',
    section: 'lake',
    cost: 85,
    peakMb: 511,
    title: 'Multi-source Kinesis data lake (seed 002)',
    run: async (options) => (await import('@sluice/example-multi-source-lake')).runDemo(options),
  },
  {
    name: 'transaction-stream',
    section: 'transactions',
    cost: 118,
    peakMb: 347,
    title: 'SQS → DynamoDB transaction stream with alerts (seed 003)',
    run: async (options) => (await import('@sluice/example-transaction-stream')).runDemo(options),
  },
  {
    name: 'ecommerce-batch-stream',
    section: 'bots',
    cost: 49,
    peakMb: 558,
    title: 'Batch insights and real-time bot detection (seed 004)',
    run: async (options) => (await import('@sluice/example-ecommerce-batch-stream')).runDemo(options),
  },
];
