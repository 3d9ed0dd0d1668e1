import type { QueryEngine, TableDefinition } from '@sluice/athena';
import type { PutRecords } from '@sluice/core/runner';
import { LocalObjectStore, type ObjectStore, readText } from '@sluice/core/storage';
import type { CustomerSummary, IntegrationScores, MaintenanceSummary } from '@sluice/transforms/analytics';
import { CUSTOMER_COLUMNS } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS } from '@sluice/transforms/maintenance';
import type { NamedRows } from './analytics/summaries.js';
import { lakeTables } from './analytics/tables.js';
import { type BranchResult, runBranch } from './branch.js';
import { LakeConfigError } from './errors.js';
import { customerProcessor } from './handlers/customers.js';
import { maintenanceProcessor } from './handlers/maintenance.js';
import { ANALYTICS_KEYS, type Domain } from './layout.js';
import { runLakeStateMachine } from './orchestration/run-state-machine.js';

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
  /**
   * The bucket's folder on disk, where the compaction step's DuckDB COPY writes `curated/`.
   * Default: the store's root when it is a LocalObjectStore.
   */
  bucketDir?: string;
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
 * The lake end to end on one machine. The streaming half runs as on AWS but in-process: each
 * branch's simulator feeds the local stream runner, which invokes its processor with Kinesis events
 * (the branches run in parallel; a failure waits for the other branch). Then the deployed
 * `data-lake-orchestration` definition runs with aws-local-stepfunctions (`runLakeStateMachine`):
 * compaction and analytics per domain in parallel, then integration, over DuckDB.
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
    // The branches run in parallel: their queries are put in domain order whichever ends first.
    const queries: Record<Domain, NamedRows[]> = { maintenance: [], customers: [] };
    const scores = await runLakeStateMachine({
      store: options.store,
      engine,
      bucketDir: bucketDirOf(options),
      onQueries: (domain, rows) => queries[domain].push(...rows),
    });
    const reports = { maintenance: maintenance.report, customers: customers.report };
    await options.store.put(ANALYTICS_KEYS.reports, `${JSON.stringify(reports, null, 2)}\n`);
    return {
      branches: { maintenance, customers },
      maintenance: await savedJson<MaintenanceSummary>(options.store, ANALYTICS_KEYS.maintenance),
      customers: await savedJson<CustomerSummary>(options.store, ANALYTICS_KEYS.customers),
      scores,
      queries: [...queries.maintenance, ...queries.customers],
    };
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

function bucketDirOf(options: LakeOptions): string {
  if (options.bucketDir) return options.bucketDir;
  if (options.store instanceof LocalObjectStore) return options.store.root;
  throw new LakeConfigError('bucketDir', 'is required when the store is not a LocalObjectStore');
}

async function savedJson<T>(store: ObjectStore, key: string): Promise<T> {
  return JSON.parse(await readText(store, key)) as T;
}
