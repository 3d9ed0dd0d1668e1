import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { contractOrdersCsv, contractOrdersTable, describeQueryEngineContract } from '../testing/index.js';
import { createDuckDbEngine } from './duckdb-engine.js';

const directories: string[] = [];
afterAll(async () => {
  for (const dir of directories) await rm(dir, { recursive: true, force: true });
});

describeQueryEngineContract('duckdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-duckdb-contract-'));
  directories.push(dir);
  await writeFile(join(dir, 'orders.csv'), contractOrdersCsv());
  const orders = contractOrdersTable(join(dir, 'orders.csv'));
  return createDuckDbEngine({ tables: [orders] });
});
