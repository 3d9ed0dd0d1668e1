import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createAthenaEngine } from '../aws/athena-engine.js';
import { contractOrdersCsv, contractOrdersTable, describeQueryEngineContract } from '../testing/index.js';
import { type LocalAthena, startLocalAthena } from './local-athena.js';

// The Athena backend (real @aws-sdk/client-athena) against the local endpoint: real SQL on DuckDB.
let dir: string;
let athena: LocalAthena;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-local-athena-contract-'));
  await writeFile(join(dir, 'orders.csv'), contractOrdersCsv());
  const orders = contractOrdersTable(join(dir, 'orders.csv'));
  athena = await startLocalAthena({ tables: [orders], outputDir: join(dir, 'results') });
});
afterAll(async () => {
  await athena?.stop();
  await rm(dir, { recursive: true, force: true });
});

describeQueryEngineContract('athena (local endpoint over DuckDB)', () =>
  createAthenaEngine({
    client: athena.clientConfig(),
    workGroup: 'primary',
    outputLocation: 's3://contract-results/athena/',
    pollBaseDelayMs: 1,
    pollMaxDelayMs: 5,
  }),
);
