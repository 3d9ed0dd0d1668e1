import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryEngine, TableDefinition } from '@sluice/athena';
import { createAthenaEngine } from '@sluice/athena/aws';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { startLocalAthena } from '@sluice/athena/local';
import { LocalObjectStore } from '@sluice/core/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENTS_BUCKET } from '../layout.js';
import { generateEvents } from '../local.js';
import { runBatch } from './run-batch.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function batchOver(openEngine: (dir: string, tables: TableDefinition[]) => Promise<QueryEngine>) {
  const dir = await mkdtemp(join(tmpdir(), 'ecommerce-batch-athena-'));
  dirs.push(dir);
  await generateEvents({ dir, rows: 1_500, seed: 7 });
  const store = new LocalObjectStore(join(dir, EVENTS_BUCKET));
  return runBatch({ store, openEngine: (tables) => openEngine(dir, tables) });
}

// The Athena backend (real SDK client) against the local Athena endpoint: the insights' SQL as sent
// to Athena, as ExecutionParameters, paged results decoded from Athena's text.
async function athenaOverLocalEndpoint(dir: string, tables: TableDefinition[]): Promise<QueryEngine> {
  const athena = await startLocalAthena({ tables, localRoot: dir, outputDir: join(dir, 'athena-results') });
  const engine = createAthenaEngine({
    client: athena.clientConfig(),
    outputLocation: `s3://${EVENTS_BUCKET}/athena-results/`,
    pollBaseDelayMs: 1,
  });
  const closeClient = engine.close?.bind(engine);
  return Object.assign(engine, {
    close: async () => {
      await closeClient?.();
      await athena.stop();
    },
  });
}

describe('the batch insights through the Athena backend', () => {
  it('give the rows DuckDB gives, query for query', async () => {
    const onDuckDb = await batchOver((dir, tables) => createDuckDbEngine({ localRoot: dir, tables }));
    const onAthena = await batchOver(athenaOverLocalEndpoint);
    expect(onAthena.queries.map((q) => q.name)).toEqual([
      'unique_visitors_per_day',
      'cart_abandonment_per_day',
      'top_categories_per_hour',
      'top_categories_per_weekday',
      'low_conversion_brands',
    ]);
    expect(onAthena.queries.every((q) => q.rows.length > 0)).toBe(true);
    expect(onAthena.queries).toEqual(onDuckDb.queries);
  }, 60_000);
});
