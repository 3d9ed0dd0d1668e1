import { fileURLToPath } from 'node:url';
import { toCdkTableInput } from '@sluice/athena';
import {
  environmentParameters,
  glueDatabase,
  glueTable,
  grantAthenaQueries,
  grantObjects,
  PipelineBucket,
  queryWorkGroup,
  SluiceFunction,
} from '@sluice/cdk';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type { CfnDatabase } from 'aws-cdk-lib/aws-glue';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { RAW_ORDERS } from '../src/object-keys.js';
import { processedTable } from '../src/processed-table.js';
import { BackfillStateMachine } from './backfill.js';

/** Where the filter writes, one prefix per output of `orderOutputKeys`. */
export const FILTER_OUTPUT_PREFIXES = [
  'processed/',
  'processed-parquet/',
  'quarantine/',
  'reports/',
] as const;
/** Athena's query results, under the seed's `enriched/` beside the dashboard's saved panels. */
export const ATHENA_RESULTS_PREFIX = 'enriched/athena/';

/** Settings of {@link OrdersDashboardStack} fixed at synth (deploy-time ones are CloudFormation parameters). */
export interface OrdersDashboardStackProps extends StackProps {
  /** Glue database name; one per account and region. Default `orders_db` (the seed's). */
  databaseName?: string;
  /** Objects the backfill filters at once. Default 10. */
  backfillConcurrency?: number;
  /** Share of objects the backfill may fail before it fails. Default 5. */
  backfillToleratedFailurePercentage?: number;
}

/** The dashboard example's Function URL handler: the same page `sluice dashboard` renders, from Athena. */
export const DASHBOARD_ENTRY = fileURLToPath(
  new URL('../../dashboard/src/handlers/dashboard-url.ts', import.meta.url),
);

const handlerEntry = (name: string) => fileURLToPath(new URL(`../src/handlers/${name}.ts`, import.meta.url));

/**
 * Seed 000 on AWS: a put under `raw/` runs the stale-order filter; the `processed` table is defined
 * from the library's table definition (no crawler); an enforced Athena workgroup writes its results
 * under `enriched/`; the dashboard Lambda answers an IAM-signed Function URL; a Distributed Map
 * backfills every object already under `raw/`.
 */
export class OrdersDashboardStack extends Stack {
  readonly bucket = new PipelineBucket(this, 'Orders', {
    lifecycleRules: [{ prefix: ATHENA_RESULTS_PREFIX, expiration: Duration.days(7) }],
  });
  readonly filter: SluiceFunction;
  readonly dashboard: SluiceFunction;
  readonly backfill: BackfillStateMachine;

  constructor(scope: Construct, id: string, props: OrdersDashboardStackProps = {}) {
    super(scope, id, props);
    // biome-ignore format: one setting a line
    const settings = environmentParameters(this, {
      ORDERS_MAX_AGE_DAYS: ['MaxAgeDays', { default: 30, min: 0, description: 'Pending or cancelled orders older than this many whole days are dropped as stale' }],
      ORDERS_TIME_ZONE: ['OrdersTimeZone', { default: 'UTC', description: 'IANA time zone order dates and today are read in' }],
    });
    this.filter = this.filterFunction('FilterOrders', 'handler', settings);
    this.bucket.notifyOnCreate(this.filter, { prefix: RAW_ORDERS.prefix, suffix: RAW_ORDERS.suffix });
    const database = glueDatabase(
      this,
      props.databaseName ?? 'orders_db',
      'Sluice orders dashboard (seed 000)',
    );
    const processed = processedTable(this.bucket.s3UrlForObject('processed/'));
    glueTable(database, toCdkTableInput(processed));
    const workGroup = queryWorkGroup(this, {
      nameSuffix: 'orders',
      description: 'Sluice orders dashboard: results under enriched/, per-query scan limit',
      bucket: this.bucket,
      resultsPrefix: ATHENA_RESULTS_PREFIX,
      defaultBytesScannedCutoff: 1024 ** 3,
    });
    this.dashboard = this.dashboardFunction(workGroup, database);
    grantAthenaQueries(this.dashboard, {
      workGroupName: workGroup.ref,
      databaseName: database.ref,
      tableNames: [processed.name],
      resultsBucket: this.bucket,
    });
    // Athena reads the table and writes results (under enriched/) with the caller's rights.
    grantObjects(this.dashboard, this.bucket, {
      read: ['processed/', ATHENA_RESULTS_PREFIX],
      write: [ATHENA_RESULTS_PREFIX],
    });
    const backfillFilter = this.filterFunction('BackfillOrders', 'backfillHandler', settings);
    this.backfill = new BackfillStateMachine(this, 'Backfill', {
      bucket: this.bucket,
      filter: backfillFilter,
      maxConcurrency: props.backfillConcurrency ?? 10,
      toleratedFailurePercentage: props.backfillToleratedFailurePercentage ?? 5,
    });
    new CfnOutput(this, 'BackfillStateMachineArn', { value: this.backfill.stateMachine.stateMachineArn });
  }

  /** The filter Lambda with its grants: `raw/` to read, its four output prefixes to write. */
  private filterFunction(id: string, handler: string, settings: Record<string, string>) {
    const filter = new SluiceFunction(this, id, {
      entry: handlerEntry('filter-orders'),
      handler,
      description:
        'Seed 000 stale-order filter: raw/ CSV to processed/, processed-parquet/, quarantine/, reports/',
      memorySize: 1024,
      timeout: Duration.minutes(5),
      parquetWasm: 'module',
      environment: settings,
    });
    grantObjects(filter, this.bucket, { read: [RAW_ORDERS.prefix ?? 'raw/'], write: FILTER_OUTPUT_PREFIXES });
    return filter;
  }

  private dashboardFunction(workGroup: CfnWorkGroup, database: CfnDatabase): SluiceFunction {
    const dashboard = new SluiceFunction(this, 'Dashboard', {
      entry: DASHBOARD_ENTRY,
      description:
        'Seed 000 dashboard: the HTML page of the orders queries, rendered from Athena per request',
      memorySize: 1024,
      timeout: Duration.minutes(2),
      // vega tries the optional `canvas` package and measures text without it; the native and
      // local-only packages the examples' modules name are tree-shaken away but must not be resolved.
      external: ['canvas', '@duckdb/node-api', 'dynalite', 'parquet-wasm'],
      environment: {
        ATHENA_WORKGROUP: workGroup.ref,
        ATHENA_DATABASE: database.ref,
        DASHBOARD_SECTIONS: 'orders',
      },
    });
    const url = dashboard.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
    new CfnOutput(this, 'DashboardUrl', { value: url.url, description: 'IAM-signed (SigV4) GET' });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    return dashboard;
  }
}
