import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBalanced } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { runDemo } from './local.js';

describe('runDemo', () => {
  it('generates events, runs both paths and returns a JSON-serialisable result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecommerce-demo-'));
    const lines: string[] = [];
    const result = await runDemo({ dir, rows: 1_500, seed: 7, log: (line) => lines.push(line) });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.pipeline).toBe('ecommerce-batch-stream');
    expect(Object.values(result.reports).every(isBalanced)).toBe(true);
    expect(result.reports.batch?.read).toBe(1_500);
    expect(result.reports.stream?.read).toBe(1_500);
    expect(result.queries.map((q) => q.name)).toEqual([
      'unique_visitors_per_day',
      'cart_abandonment_per_day',
      'top_categories_per_hour',
      'top_categories_per_weekday',
      'low_conversion_brands',
      'bot_detections',
    ]);
    expect(lines.length).toBeGreaterThan(0);
  }, 30_000);

  it('gives the same detections when run again in the same directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecommerce-demo-'));
    const options = { dir, rows: 1_500, seed: 8, log: () => {} };
    const first = await runDemo(options);
    const again = await runDemo(options);
    expect(again.summary.detections).toEqual(first.summary.detections);
    expect(again.queries.at(-1)).toEqual(first.queries.at(-1));
  }, 30_000);
});
