import { describe, expect, it } from 'vitest';
import { DEMO_EXAMPLES } from './demo-examples.js';
import { expectedPeakMb, MEMORY_BUDGET_MB, nextPipeline } from './demo-schedule.js';

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
