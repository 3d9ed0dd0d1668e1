import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { type LocalAthena, startLocalAthena } from '@sluice/athena/local';
import { MemoryObjectStore, readText } from '@sluice/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { processedTable } from '../processed-table.js';
import { refreshDashboardHandler } from './refresh-dashboard.js';

const location = fileURLToPath(new URL('fixtures/processed-orders.csv', import.meta.url));
const env = { ORDERS_BUCKET: 'orders', DASHBOARD_AS_OF: '2025-07-15' };

// The handler as deployed: no engine injected, so it builds its own Athena engine from the
// environment; the SDK's AWS_ENDPOINT_URL_ATHENA points it at the local Athena endpoint.
describe('refreshDashboardHandler on Athena (local endpoint)', () => {
  let dir: string;
  let athena: LocalAthena;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orders-dashboard-athena-'));
    athena = await startLocalAthena({
      tables: [processedTable(location)],
      outputDir: dir,
      database: 'orders_db',
    });
    vi.stubEnv('AWS_ENDPOINT_URL_ATHENA', athena.endpoint);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-test-secret');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await athena.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the five queries through the Athena backend and saves what the DuckDB run saves', async () => {
    const store = new MemoryObjectStore();
    const athenaEnv = {
      ...env,
      ATHENA_WORKGROUP: 'primary',
      ATHENA_DATABASE: 'orders_db',
      ATHENA_OUTPUT_LOCATION: 's3://orders/athena-results/',
    };
    const panels = await refreshDashboardHandler({ store, env: athenaEnv })();
    expect(panels[0]?.rows).toEqual([
      { customerid: 'C1', total_spent: 210.5, total_orders: 2 },
      { customerid: 'C2', total_spent: 45.25, total_orders: 2 },
    ]);
    expect(panels[4]?.rows.map((row) => row.orderid)).toEqual(['O2', 'O1', 'O4']);

    const engine = await createDuckDbEngine({ tables: [processedTable(location)] });
    const duckStore = new MemoryObjectStore();
    try {
      expect(panels).toEqual(await refreshDashboardHandler({ engine, store: duckStore, env })());
    } finally {
      await engine.close();
    }
    for (const panel of panels) {
      const key = `enriched/${panel.name}.csv`;
      expect(await readText(store, key)).toBe(await readText(duckStore, key));
    }
  });
});
