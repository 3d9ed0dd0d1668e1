import { fileURLToPath } from 'node:url';
import { type QueryDefinition, toCdkTableInput } from '@sluice/athena';
import {
  environmentParameters,
  failureQueue,
  glueDatabase,
  glueTable,
  grantObjects,
  onDemandStream,
  PipelineBucket,
  queryWorkGroup,
  SluiceFunction,
} from '@sluice/cdk';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnNamedQuery, type CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnDatabase } from 'aws-cdk-lib/aws-glue';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Stream } from 'aws-cdk-lib/aws-kinesis';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { eventsTable } from '../src/batch/events-table.js';
import {
  cartAbandonmentQuery,
  lowConversionBrandsQuery,
  topCategoriesByHourQuery,
  topCategoriesByWeekdayQuery,
  uniqueVisitorsQuery,
} from '../src/batch/insight-queries.js';
import { EXPIRES_AT } from '../src/handlers/detection-expiry.js';
import { DETECTIONS_TABLE, KEYS } from '../src/layout.js';

/** Athena's query results, expiring after a week. */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';
/** Where the batch conversion writes: the dataset, its quarantine and its reports. */
export const BATCH_OUTPUT_PREFIXES = [KEYS.eventsDataset, KEYS.batchQuarantine, KEYS.batchReports];
/** Every prefix a grant of this stack names. */
export const EVENTS_PREFIXES = [
  'raw/',
  ...BATCH_OUTPUT_PREFIXES,
  KEYS.detectorState,
  KEYS.streamQuarantine,
  ATHENA_RESULTS_PREFIX,
];
/** The four batch insights (five queries: top categories per hour and per weekday), as the library defines them. */
export const INSIGHT_QUERIES: readonly QueryDefinition<never, unknown>[] = [
  uniqueVisitorsQuery,
  cartAbandonmentQuery,
  topCategoriesByHourQuery,
  topCategoriesByWeekdayQuery,
  lowConversionBrandsQuery,
] as never;
/** Every operation the detector calls on its table (the library's DynamoDbSink). */
export const DETECTIONS_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:GetItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
] as const;

/** Settings of {@link EcommerceBatchStreamStack} fixed at synth (deploy-time ones are CloudFormation parameters). */
export interface EcommerceBatchStreamStackProps extends StackProps {
  /** Glue database name. Default `ecommerce_events`. */
  databaseName?: string;
  /** First event day partition projection enumerates, `yyyy-MM-dd`. Default `2019-10-01` (rees46). */
  firstEventDate?: string;
}

const handlerEntry = (name: string) => fileURLToPath(new URL(`../src/handlers/${name}.ts`, import.meta.url));

/**
 * Seed 004 on AWS. Batch: a raw rees46 CSV put under `raw/` is converted to the date-partitioned
 * Parquet `events` table (projected partitions), and the four insights are Athena named queries
 * generated from the library's query definitions. Stream: a Kinesis stream feeds the bot detector,
 * whose window state is the library's snapshot per shard in S3; detections go to a DynamoDB table
 * with TTL, high-severity ones to an SNS topic.
 */
export class EcommerceBatchStreamStack extends Stack {
  readonly bucket: PipelineBucket;
  readonly stream: Stream;
  readonly detections: Table;
  readonly alerts: Topic;
  readonly detector: SluiceFunction;
  readonly converter: SluiceFunction;

  constructor(scope: Construct, id: string, props: EcommerceBatchStreamStackProps = {}) {
    super(scope, id, props);
    this.bucket = new PipelineBucket(this, 'EventsBucket', {
      lifecycleRules: [
        { id: 'QuarantineExpires', prefix: 'quarantine/', expiration: Duration.days(30) },
        { id: 'QueryResultsExpire', prefix: ATHENA_RESULTS_PREFIX, expiration: Duration.days(7) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    this.converter = this.converterFunction();
    this.stream = onDemandStream(this, 'Events');
    this.detections = new Table(this, 'Detections', {
      partitionKey: { name: DETECTIONS_TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: DETECTIONS_TABLE.sortKey, type: AttributeType.NUMBER },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: EXPIRES_AT,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.alerts = new Topic(this, 'BotAlerts', { enforceSSL: true });
    this.detector = this.detectorFunction();
    const databaseName = props.databaseName ?? 'ecommerce_events';
    const database = glueDatabase(this, databaseName, 'Sluice ecommerce events (seed 004)');
    const events = {
      ...eventsTable(this.bucket.bucketName),
      projection: {
        columns: {
          date: {
            type: 'date' as const,
            format: 'yyyy-MM-dd',
            range: [props.firstEventDate ?? '2019-10-01', 'NOW'] as const,
            interval: 1,
            unit: 'DAYS' as const,
          },
        },
      },
    };
    glueTable(database, toCdkTableInput(events));
    const workGroup = queryWorkGroup(this, {
      nameSuffix: 'events',
      bucket: this.bucket,
      resultsPrefix: ATHENA_RESULTS_PREFIX,
    });
    for (const query of INSIGHT_QUERIES) this.namedQuery(query, database, workGroup);
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'StreamName', { value: this.stream.streamName });
    new CfnOutput(this, 'DetectionsTableName', { value: this.detections.tableName });
  }

  /** The batch path: a raw CSV put under `raw/` becomes its Parquet files, quarantine and report. */
  private converterFunction(): SluiceFunction {
    const fn = new SluiceFunction(this, 'EventsToParquet', {
      entry: handlerEntry('events-to-parquet'),
      description: 'Seed 004 batch path: raw/ rees46 CSV to date-partitioned Parquet under events/',
      memorySize: 2048,
      timeout: Duration.minutes(15),
      parquetWasm: 'module',
    });
    grantObjects(fn, this.bucket, { read: ['raw/', KEYS.eventsDataset], write: BATCH_OUTPUT_PREFIXES });
    // Replacing a raw file's outputs deletes its old Parquet files first.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${KEYS.eventsDataset}*`)],
      }),
    );
    this.bucket.notifyOnCreate(fn, { prefix: 'raw/', suffix: '.csv' });
    return fn;
  }

  private detectorFunction(): SluiceFunction {
    // biome-ignore format: one setting a line
    const settings = environmentParameters(this, {
      WINDOW_MS: ['WindowMs', { default: 10_000, min: 1000, description: 'Bot detector window length in milliseconds (tumbling unless SlideMs is smaller)' }],
      FLAG_THRESHOLD: ['FlagThreshold', { default: 5, min: 1, description: 'Events per key and window above which a detection is recorded' }],
      ALERT_THRESHOLD: ['AlertThreshold', { default: 10, min: 1, description: 'Events per key and window above which the detection is high severity and alerts' }],
      DETECTION_TTL_DAYS: ['DetectionTtlDays', { default: 30, min: 1, description: 'Detections expire (DynamoDB TTL) this many days after their window closed' }],
    });
    const fn = new SluiceFunction(this, 'DetectBots', {
      entry: handlerEntry('detect-bots'),
      description: 'Seed 004 stream path: keyed event-time windows per shard, detections to DynamoDB and SNS',
      environment: {
        TABLE_NAME: this.detections.tableName,
        ALERT_TOPIC_ARN: this.alerts.topicArn,
        EVENTS_BUCKET: this.bucket.bucketName,
        ...settings,
      },
    });
    grantObjects(fn, this.bucket, {
      read: [KEYS.detectorState],
      write: [KEYS.detectorState, KEYS.streamQuarantine],
    });
    fn.addToRolePolicy(
      new PolicyStatement({ actions: [...DETECTIONS_ACTIONS], resources: [this.detections.tableArn] }),
    );
    this.alerts.grantPublish(fn);
    const failures = failureQueue(
      this,
      'DetectorFailures',
      "This queue is itself the detector mapping's on-failure destination; nothing consumes it automatically",
    );
    fn.addEventSource(
      new KinesisEventSource(this.stream, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        // One batch per shard at a time, in order: the shard's window state is read and written once per batch.
        parallelizationFactor: 1,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 3,
        onFailure: new SqsDlq(failures),
      }),
    );
    return fn;
  }

  /** A saved query with the library's SQL; its `?` placeholders take the parameters named in its description. */
  private namedQuery(query: QueryDefinition<never, unknown>, database: CfnDatabase, workGroup: CfnWorkGroup) {
    const params =
      query.paramOrder.length > 0 ? ` Parameters, in order: ${query.paramOrder.join(', ')}.` : '';
    new CfnNamedQuery(
      this,
      `Insight${query.name.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())}`,
      {
        name: query.name,
        database: database.ref,
        workGroup: workGroup.ref,
        queryString: query.sql,
        description: `Sluice ecommerce insight ${query.name}.${params}`,
      },
    );
  }
}
