import { join } from 'node:path';
import { createAthenaEngine } from '@sluice/athena/aws';
import { type LocalAthena, startLocalAthena } from '@sluice/athena/local';
import type { RunReport } from '@sluice/core/outcome';
import { renderDashboard } from '@sluice/example-dashboard';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEngine } from './dashboard.js';
import { type DemoFixture, runDemoSmall } from './demo-fixture.js';
import { demoTables } from './demo-page.js';

// The promise of the dashboard: the same page whichever engine answers. The pipelines run small,
// then the page is rendered over embedded DuckDB and over the Athena backend (the real SDK client)
// talking to the local Athena endpoint that serves the same tables.
const GENERATED_AT = new Date('2026-01-01T00:00:00Z');
const DATABASE = 'sluice_demo';

/** The page without the line that names the engine, which is the one thing allowed to differ. */
const withoutEngine = (page: string) => page.replace(/<span id="engine">[^<]*<\/span>/, '');

describe('the dashboard over Athena (local endpoint) and over DuckDB', () => {
  let demo: DemoFixture;
  let data: string;
  let reports: Record<string, Record<string, RunReport>>;
  let athena: LocalAthena;

  beforeAll(async () => {
    demo = await runDemoSmall('sluice-dashboard-athena-');
    ({ data, reports } = demo);
    athena = await startLocalAthena({
      tables: await demoTables(data),
      outputDir: join(data, 'athena-results'),
      database: DATABASE,
    });
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-test-secret');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  }, 120_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await athena?.stop();
    await demo?.remove();
  });

  it('renders the same page apart from the engine line', async () => {
    const duckdb = await openEngine({ engine: 'duckdb', data });
    const overDuckDb = await renderDashboard(duckdb, { reports, generatedAt: GENERATED_AT }).finally(() =>
      duckdb.close?.(),
    );
    const client = { region: 'us-east-1', endpoint: athena.endpoint };
    const overAthena = await renderDashboard(createAthenaEngine({ client, database: DATABASE }), {
      reports,
      generatedAt: GENERATED_AT,
    });
    expect(overAthena).toContain('<span id="engine">athena</span>');
    expect(overDuckDb).toContain('<span id="engine">duckdb</span>');
    expect(overAthena).not.toContain('<p class="error">');
    expect(withoutEngine(overAthena)).toBe(withoutEngine(overDuckDb));
  }, 120_000);
});
