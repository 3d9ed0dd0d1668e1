import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { describe, expect, it } from 'vitest';
import { clicksTable } from './clicks-table.js';
import { runInsights } from './insights-queries.js';

describe('runInsights with no clicks delivered', () => {
  it('answers every insight with no rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clicks-none-'));
    const engine = await createDuckDbEngine({ localRoot: dir, tables: [clicksTable({ bucket: 'clicks' })] });
    try {
      expect(await runInsights(engine)).toEqual({
        clicks_per_item: [],
        clicks_per_category: [],
        clicks_per_hour: [],
      });
    } finally {
      await engine.close();
    }
  });
});
