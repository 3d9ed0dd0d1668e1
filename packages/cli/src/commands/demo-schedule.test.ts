import { describe, expect, it } from 'vitest';
import { DEMO_EXAMPLES } from './demo-examples.js';
import { expectedPeakMb, MEMORY_BUDGET_MB, nextPipeline, plannedOrder } from './demo-schedule.js';

const lake = { name: 'lake', peakMb: 530 };
const shop = { name: 'shop', peakMb: 570 };
const clicks = { name: 'clicks', peakMb: 380 };

describe('nextPipeline', () => {
  it('starts the first queued pipeline when none runs, whatever its size', () => {
    expect(nextPipeline([{ name: 'huge', peakMb: 5000 }, clicks], [], 1_000_000)?.name).toBe('huge');
  });

  it('passes over a pipeline that would not fit beside the running ones for one that does', () => {
    expect(nextPipeline([shop, clicks], [lake], 1_000_000)?.name).toBe('clicks');
    expect(nextPipeline([shop], [lake], 1_000_000)).toBeUndefined();
  });

  it('scales expected peaks with the rows, so small runs share the cores freely', () => {
    expect(expectedPeakMb(shop, 20_000)).toBeCloseTo(11.4);
    expect(nextPipeline([shop], [lake], 20_000)?.name).toBe('shop');
  });

  it('keeps no two of the demo pipelines together over the budget at 1M rows', () => {
    for (const running of DEMO_EXAMPLES) {
      const next = nextPipeline(DEMO_EXAMPLES, [running], 1_000_000);
      if (next) expect(running.peakMb + next.peakMb).toBeLessThanOrEqual(MEMORY_BUDGET_MB);
    }
  });
});

describe('plannedOrder', () => {
  const names = (examples: readonly { name: string }[]) => examples.map((example) => example.name);

  it('is the costliest first when memory never binds', () => {
    const small = [
      { name: 'a', cost: 10, peakMb: 100 },
      { name: 'b', cost: 30, peakMb: 100 },
      { name: 'c', cost: 20, peakMb: 100 },
    ];
    expect(names(plannedOrder(small, 1_000_000, 2))).toEqual(['b', 'c', 'a']);
  });

  it('keeps a lane from idling behind a pipeline that may not start beside the running one', () => {
    // Costliest first: tx | lake, clicks after lake, shop after tx; then orders may not start beside
    // shop (990 MB) and waits for it, alone: 189. Orders after lake instead ends both lanes by 167.
    const examples = [
      { name: 'tx', cost: 118, peakMb: 347 },
      { name: 'lake', cost: 85, peakMb: 511 },
      { name: 'clicks', cost: 52, peakMb: 300 },
      { name: 'shop', cost: 49, peakMb: 558 },
      { name: 'orders', cost: 22, peakMb: 440 },
    ];
    expect(names(plannedOrder(examples, 1_000_000, 2))).toEqual(['tx', 'lake', 'orders', 'clicks', 'shop']);
    expect(names(plannedOrder(examples, 1_000_000, 1))).toEqual(['tx', 'lake', 'clicks', 'shop', 'orders']);
  });

  it('plans every demo pipeline once', () => {
    const order = plannedOrder(DEMO_EXAMPLES, 1_000_000, 2);
    expect([...names(order)].sort()).toEqual([...names(DEMO_EXAMPLES)].sort());
  });
});
