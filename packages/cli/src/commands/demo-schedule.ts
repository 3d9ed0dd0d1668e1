import type { DemoExample } from './demo-examples.js';

/**
 * What the pipelines running at once may take together (MB): the demo's 1 GB goal less its own
 * process, which stays near 45 MB while they run.
 */
export const MEMORY_BUDGET_MB = 980;

/** A pipeline's expected peak at `rows`: its peak at 1M rows, scaled down linearly below that. */
export function expectedPeakMb(example: Pick<DemoExample, 'peakMb'>, rows: number): number {
  return example.peakMb * Math.min(1, rows / 1_000_000);
}

/**
 * The queued pipeline to start beside the running ones: the first (queues are costliest first)
 * whose expected peak fits the budget beside theirs; with none running, the first whatever its
 * size. `undefined`: wait for one to end.
 *
 * @example nextPipeline(queue, running, 1_000_000) // lake beside transactions, never beside ecommerce
 */
export function nextPipeline<E extends Pick<DemoExample, 'peakMb'>>(
  queue: readonly E[],
  running: readonly E[],
  rows: number,
): E | undefined {
  if (running.length === 0) return queue[0];
  const used = running.reduce((sum, example) => sum + expectedPeakMb(example, rows), 0);
  return queue.find((example) => used + expectedPeakMb(example, rows) <= MEMORY_BUDGET_MB);
}
