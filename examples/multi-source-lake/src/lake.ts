import type { QueryEngine, TableDefinition } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import type { CustomerSummary, IntegrationScores, MaintenanceSummary } from '@sluice/transforms/analytics';
import { integrationScores } from '@sluice/transforms/analytics';
import { CUSTOMER_COLUMNS } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS } from '@sluice/transforms/maintenance';
import { type NamedRows, sqlSummaries } from './analytics/summaries.js';
import { lakeTables } from './analytics/tables.js';
import { type BranchResult, runBranch } from './branch.js';
import { customerProcessor } from './handlers/customers.js';
import { maintenanceProcessor } from './handlers/maintenance.js';
import type { PutRecords } from './ingestion/simulator.js';
import { ANALYTICS_KEYS, type Domain } from './layout.js';

/** How to run the lake; the raw files must already be in `store` under `raw/`. */
export interface LakeOptions {
  store: ObjectStore;
  /** Opens the SQL engine over the lake's tables once the datasets are written. */
  openEngine: (tables: TableDefinition[]) => Promise<QueryEngine>;
  /** Each stream's PutRecords (inject failures here); default: every record is taken. */
  put?: Partial<Record<Domain, PutRecords>>;
  chunkRows?: number;
  batchSize?: number;
  log?: (line: string) => void;
}

/** Everything a run produced. */
export interface LakeResult {
  branches: Record<Domain, BranchResult>;
  maintenance: MaintenanceSummary;
  customers: CustomerSummary;
  scores: IntegrationScores;
  queries: NamedRows[];
}

/**
 * The `data-lake-orchestration` state machine, as one async function. Its Step Functions definition:
 *
 *   Parallel "ProcessDomains"
 *     ├─ Branch "Manufacturing": ingest (data-ingestion-simulator) → manufacturing-data-processor
 *     │                          → manufacturing-analytics
 *     └─ Branch "Ecommerce":     ingest (data-ingestion-simulator) → ecommerce-data-processor
 *                                → ecommerce-analytics
 *   Task "Integrate" (data-integration) → Succeed
 *
 * Here the branches run in parallel (Promise.allSettled, so a failure waits for the other branch); the analytics of both run in SQL once both datasets
 * are in place (one engine), then integration scores the summaries and the branches' run reports.
 *
 * @example const result = await runLake({ store, openEngine: (tables) => createDuckDbEngine({ localRoot, tables }) });
 */
export async function runLake(options: LakeOptions): Promise<LakeResult> {
  const [maintenance, customers] = await bothBranches([
    runBranch({
      ...branchSettings(options, 'maintenance'),
      columns: MACHINE_READING_COLUMNS,
      partitionKey: 'machine_id',
      processor: (batchTag, onBatch) => maintenanceProcessor({ store: options.store, batchTag, onBatch }),
    }),
    runBranch({
      ...branchSettings(options, 'customers'),
      columns: CUSTOMER_COLUMNS,
      partitionKey: 'Customer_ID',
      processor: (batchTag, onBatch) => customerProcessor({ store: options.store, batchTag, onBatch }),
    }),
  ]);
  const engine = await options.openEngine(lakeTables());
  try {
    const summaries = await sqlSummaries(engine);
    const reports = [maintenance.report, customers.report];
    const scores = integrationScores({ ...summaries, reports });
    await publish(options.store, summaries, scores, {
      maintenance: maintenance.report,
      customers: customers.report,
    });
    return { branches: { maintenance, customers }, ...summaries, scores };
  } finally {
    await engine.close?.();
  }
}

// Like Promise.all, but a failed branch waits for the other to stop writing before the run fails,
// as a Parallel state does, so a re-run never races a branch still in flight.
async function bothBranches(branches: [Promise<BranchResult>, Promise<BranchResult>]) {
  const [first, second] = await Promise.allSettled(branches);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value] as const;
}

function branchSettings(options: LakeOptions, domain: Domain) {
  const put = options.put?.[domain];
  return {
    domain,
    store: options.store,
    ...(put ? { put } : {}),
    ...(options.chunkRows ? { chunkRows: options.chunkRows } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
}

async function publish(
  store: ObjectStore,
  summaries: { maintenance: MaintenanceSummary; customers: CustomerSummary },
  scores: IntegrationScores,
  reports: Record<Domain, RunReport>,
): Promise<void> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await store.put(ANALYTICS_KEYS.maintenance, json(summaries.maintenance));
  await store.put(ANALYTICS_KEYS.customers, json(summaries.customers));
  await store.put(ANALYTICS_KEYS.integrated, json(scores));
  await store.put(ANALYTICS_KEYS.reports, json(reports));
}
