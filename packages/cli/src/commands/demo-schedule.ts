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
 * The queued pipeline to start beside the running ones: the first (queues are in planned order)
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

/**
 * The order to queue the pipelines in: of every order, the one whose run ends soonest when each
 * takes its `cost` and starts as {@link nextPipeline} starts it, `lanes` at a time (ties: the
 * costliest first). Costliest first alone can leave a lane idle at the end, waiting for memory:
 * ecommerce may not start beside the lake, nor beside orders, at 1M rows.
 *
 * @example plannedOrder(DEMO_EXAMPLES, 1_000_000, 2).map((e) => e.name)
 */
export function plannedOrder<E extends Pick<DemoExample, 'cost' | 'peakMb'>>(
  examples: readonly E[],
  rows: number,
  lanes: number,
): E[] {
  let best = [...examples].sort((a, b) => b.cost - a.cost);
  // Five pipelines have 120 orders; past eight (40,320) the costliest first stands.
  if (examples.length > 8) return best;
  let bestEnd = scheduleEnd(best, rows, lanes);
  for (const order of permutations(best)) {
    const end = scheduleEnd(order, rows, lanes);
    if (end < bestEnd) [best, bestEnd] = [order, end];
  }
  return best;
}

/** When the last pipeline ends if they start in `order` as the demo starts them. */
function scheduleEnd<E extends Pick<DemoExample, 'cost' | 'peakMb'>>(
  order: readonly E[],
  rows: number,
  lanes: number,
): number {
  const queue = [...order];
  let running: { example: E; end: number }[] = [];
  let now = 0;
  while (queue.length > 0 || running.length > 0) {
    const examples = running.map((run) => run.example);
    const next = running.length < lanes ? nextPipeline(queue, examples, rows) : undefined;
    if (next) {
      queue.splice(queue.indexOf(next), 1);
      running.push({ example: next, end: now + next.cost });
      continue;
    }
    now = Math.min(...running.map((run) => run.end));
    running = running.filter((run) => run.end > now);
  }
  return now;
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (const [i, first] of items.entries())
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [first, ...rest];
}
