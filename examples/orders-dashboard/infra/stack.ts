import { fileURLToPath } from 'node:url';
import { toCdkTableInput } from '@sluice/athena';
import { acknowledge, grantAthenaQueries, grantObjects, SluiceFunction } from '@sluice/cdk';
import { Aws, CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
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

/** The id of the custom resource `addEventNotification` adds to the stack. */
const NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

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
  readonly bucket: Bucket;
  readonly filter: SluiceFunction;
  readonly dashboard: SluiceFunction;
  readonly backfill: BackfillStateMachine;

  constructor(scope: Construct, id: string, props: OrdersDashboardStackProps = {}) {
    super(scope, id, props);
    const params = this.parameters();
    this.bucket = this.ordersBucket();
    this.filter = this.filterFunction('FilterOrders', 'handler', params);
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.filter), {
      prefix: RAW_ORDERS.prefix,
      suffix: RAW_ORDERS.suffix,
    });
    acknowledge(
      this.node.findChild(NOTIFICATIONS_HANDLER),
      "CDK's bucket-notification custom resource runs with AWS's basic Lambda execution role; it writes only its own logs",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    );
    const database = new CfnDatabase(this, 'Database', {
      catalogId: this.account,
      databaseInput: {
        name: props.databaseName ?? 'orders_db',
        description: 'Sluice orders dashboard (seed 000)',
      },
    });
    const processed = processedTable(this.bucket.s3UrlForObject('processed/'));
    new CfnTable(this, 'ProcessedTable', {
      catalogId: this.account,
      databaseName: database.ref,
      tableInput: toCdkTableInput(processed),
    });
    const workGroup = this.workGroup(params.bytesScannedCutoff.valueAsNumber);
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
    const backfillFilter = this.filterFunction('BackfillOrders', 'backfillHandler', params);
    this.backfill = new BackfillStateMachine(this, 'Backfill', {
      bucket: this.bucket,
      filter: backfillFilter,
      maxConcurrency: props.backfillConcurrency ?? 10,
      toleratedFailurePercentage: props.backfillToleratedFailurePercentage ?? 5,
    });
    new CfnOutput(this, 'BackfillStateMachineArn', { value: this.backfill.stateMachine.stateMachineArn });
  }

  private parameters() {
    return {
      maxAgeDays: new CfnParameter(this, 'MaxAgeDays', {
        type: 'Number',
        default: 30,
        minValue: 0,
        description: 'Pending or cancelled orders older than this many whole days are dropped as stale',
      }),
      timeZone: new CfnParameter(this, 'OrdersTimeZone', {
        default: 'UTC',
        description: 'IANA time zone order dates and today are read in',
      }),
      bytesScannedCutoff: new CfnParameter(this, 'AthenaBytesScannedCutoff', {
        type: 'Number',
        default: 1024 ** 3,
        minValue: 10 * 1024 ** 2,
        description: 'Athena cancels any query of the workgroup that would scan more bytes than this',
      }),
    };
  }

  private ordersBucket(): Bucket {
    const bucket = new Bucket(this, 'Orders', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ prefix: ATHENA_RESULTS_PREFIX, expiration: Duration.days(7) }],
    });
    acknowledge(
      bucket,
      'A single-bucket reference deployment: CloudTrail data events are the audit path when one is needed; server access logs would need a second bucket that costs more than the pipeline',
      'AwsSolutions-S1',
    );
    return bucket;
  }

  /** The filter Lambda with its grants: `raw/` to read, its four output prefixes to write. */
  private filterFunction(
    id: string,
    handler: string,
    params: ReturnType<OrdersDashboardStack['parameters']>,
  ) {
    const filter = new SluiceFunction(this, id, {
      entry: handlerEntry('filter-orders'),
      handler,
      description:
        'Seed 000 stale-order filter: raw/ CSV to processed/, processed-parquet/, quarantine/, reports/',
      memorySize: 1024,
      timeout: Duration.minutes(5),
      parquetWasm: 'module',
      environment: {
        ORDERS_MAX_AGE_DAYS: params.maxAgeDays.valueAsString,
        ORDERS_TIME_ZONE: params.timeZone.valueAsString,
      },
    });
    grantObjects(filter, this.bucket, { read: [RAW_ORDERS.prefix ?? 'raw/'], write: FILTER_OUTPUT_PREFIXES });
    return filter;
  }

  private workGroup(bytesScannedCutoff: number): CfnWorkGroup {
    return new CfnWorkGroup(this, 'WorkGroup', {
      name: `${Aws.STACK_NAME}-orders`,
      description: 'Sluice orders dashboard: results under enriched/, per-query scan limit',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: bytesScannedCutoff,
        resultConfiguration: {
          outputLocation: this.bucket.s3UrlForObject(ATHENA_RESULTS_PREFIX),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
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
