import { fileURLToPath } from 'node:url';
import { type TableDefinition, toCdkTableInput } from '@sluice/athena';
import {
  failureQueue,
  glueDatabase,
  glueTable,
  grantAthenaQueries,
  grantObjects,
  onDemandStream,
  PipelineBucket,
  queryWorkGroup,
  SluiceFunction,
  stackParameters,
} from '@sluice/cdk';
import { CfnOutput, type CfnParameter, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { CfnDatabase } from 'aws-cdk-lib/aws-glue';
import type { Stream } from 'aws-cdk-lib/aws-kinesis';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { StorageClass } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { CURATED_PREFIX } from '../src/analytics/compaction.js';
import { lakeTables } from '../src/analytics/tables.js';
import type { Domain } from '../src/layout.js';
import { LakeOrchestration } from './orchestration.js';

/** Athena's query results (the analytics' and the UNLOAD manifests), expiring after a week. */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';
/** Every prefix a grant of this stack names. */
export const LAKE_PREFIXES = [
  'raw/',
  'state/',
  'lake/',
  'quarantine/',
  'analytics/',
  CURATED_PREFIX,
  ATHENA_RESULTS_PREFIX,
];

/** Settings of {@link MultiSourceLakeStack} fixed at synth (deploy-time ones are CloudFormation parameters). */
export interface MultiSourceLakeStackProps extends StackProps {
  /** Glue database name; one per account and region. Default `multi_source_data_lake` (the seed's). */
  databaseName?: string;
  /** First reading day partition projection enumerates, `yyyy-MM-dd`. Default `2020-01-01`. */
  firstReadingDate?: string;
  /** How often the ingestion simulator advances each raw file. Default 5 minutes (the seed's). */
  ingestEvery?: Duration;
  /** How often the orchestration runs. Default daily. */
  analyseEvery?: Duration;
}

const handlerEntry = (name: string) => fileURLToPath(new URL(`../src/handlers/${name}.ts`, import.meta.url));
const DOMAINS: readonly Domain[] = ['maintenance', 'customers'];
/** The deploy-time lifecycle settings of the lake bucket, in days. */
type LifecycleParameter =
  | 'RawInfrequentAccessDays'
  | 'RawGlacierDays'
  | 'QuarantineExpirationDays'
  | 'CuratedExpirationDays';

/**
 * Seed 002 on AWS: a scheduled simulator streams the raw files into two on-demand Kinesis streams;
 * the processors score each batch into the Parquet lake; a daily state machine compacts each dataset
 * with Athena UNLOAD, summarises both domains in parallel and integrates them. Lifecycle rules carry
 * the seed's cost optimisation: raw data to cheaper storage classes, quarantine and results expiring.
 */
export class MultiSourceLakeStack extends Stack {
  readonly bucket: PipelineBucket;
  readonly streams: Record<Domain, Stream>;
  readonly ingest: SluiceFunction;
  readonly processors: Record<Domain, SluiceFunction>;
  /** Where a batch goes when its retries are spent: the mapping sends the batch's stream position. */
  readonly failures: Queue;
  readonly orchestration: LakeOrchestration;

  constructor(scope: Construct, id: string, props: MultiSourceLakeStackProps = {}) {
    super(scope, id, props);
    // biome-ignore format: one parameter a line
    const params = stackParameters(this, {
      RawInfrequentAccessDays: { default: 30, min: 30, description: 'Raw files move to S3 Standard-IA this many days after upload (S3 requires at least 30)' },
      RawGlacierDays: { default: 90, min: 60, description: 'Raw files move to Glacier Instant Retrieval this many days after upload (at least 30 after IA)' },
      QuarantineExpirationDays: { default: 30, min: 1, description: 'Quarantined records are deleted this many days after they were written' },
      CuratedExpirationDays: { default: 14, min: 1, description: "Each run's compacted copy under curated/ is deleted this many days after it was written" },
    });
    this.bucket = this.lakeBucket(params);
    this.streams = {
      maintenance: onDemandStream(this, 'ManufacturingStream'),
      customers: onDemandStream(this, 'EcommerceStream'),
    };
    this.ingest = this.ingestionSimulator(props.ingestEvery ?? Duration.minutes(5));
    this.failures = failureQueue(
      this,
      'ProcessorFailures',
      'This queue is itself the on-failure destination of the processors; nothing consumes it automatically, so it needs no dead-letter queue of its own',
    );
    this.processors = {
      maintenance: this.processor('ManufacturingProcessor', 'maintenance'),
      customers: this.processor('EcommerceProcessor', 'customers'),
    };
    const databaseName = props.databaseName ?? 'multi_source_data_lake';
    const database = glueDatabase(this, databaseName, 'Sluice multi-source lake (seed 002)');
    const tables = this.tables(database, props.firstReadingDate ?? '2020-01-01');
    const workGroup = queryWorkGroup(this, {
      nameSuffix: 'lake',
      bucket: this.bucket,
      resultsPrefix: ATHENA_RESULTS_PREFIX,
    });
    const analytics = this.analyticsFunction(workGroup, database, tables);
    const integrate = new SluiceFunction(this, 'Integrate', {
      entry: handlerEntry('integrate'),
      description: 'Seed 002 data-integration: cross-domain scores from both summaries',
      environment: { LAKE_BUCKET: this.bucket.bucketName },
    });
    grantObjects(integrate, this.bucket, {
      read: ['analytics/', 'state/'],
      write: ['analytics/integrated/'],
    });
    this.orchestration = new LakeOrchestration(this, 'LakeOrchestration', {
      bucket: this.bucket,
      workGroupName: workGroup.ref,
      databaseName: database.ref,
      analytics,
      integrate,
    });
    // Athena runs the UNLOAD with the state machine's rights: it reads the lake and writes curated/.
    grantObjects(this.orchestration.stateMachine, this.bucket, {
      read: ['lake/', ATHENA_RESULTS_PREFIX],
      write: [CURATED_PREFIX, ATHENA_RESULTS_PREFIX],
    });
    new Rule(this, 'AnalyseSchedule', {
      description: 'Runs data-lake-orchestration over the lake',
      schedule: Schedule.rate(props.analyseEvery ?? Duration.days(1)),
      targets: [new SfnStateMachine(this.orchestration.stateMachine)],
    });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: this.orchestration.stateMachine.stateMachineArn });
  }

  private lakeBucket(params: Record<LifecycleParameter, CfnParameter>): PipelineBucket {
    const days = (param: CfnParameter) => Duration.days(param.valueAsNumber);
    return new PipelineBucket(this, 'Lake', {
      lifecycleRules: [
        {
          id: 'RawToCheaperStorage',
          prefix: 'raw/',
          transitions: [
            {
              storageClass: StorageClass.INFREQUENT_ACCESS,
              transitionAfter: days(params.RawInfrequentAccessDays),
            },
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: days(params.RawGlacierDays),
            },
          ],
        },
        { id: 'QuarantineExpires', prefix: 'quarantine/', expiration: days(params.QuarantineExpirationDays) },
        { id: 'CuratedRunsExpire', prefix: CURATED_PREFIX, expiration: days(params.CuratedExpirationDays) },
        { id: 'QueryResultsExpire', prefix: ATHENA_RESULTS_PREFIX, expiration: Duration.days(7) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /** The seed's `data-ingestion-simulator`: one scheduled invocation per raw file. */
  private ingestionSimulator(every: Duration): SluiceFunction {
    const ingest = new SluiceFunction(this, 'IngestionSimulator', {
      entry: handlerEntry('ingest'),
      description: 'Seed 002 data-ingestion-simulator: raw CSV chunks from the checkpoint on, onto Kinesis',
      timeout: Duration.minutes(5),
      environment: {
        LAKE_BUCKET: this.bucket.bucketName,
        MAINTENANCE_STREAM: this.streams.maintenance.streamName,
        CUSTOMERS_STREAM: this.streams.customers.streamName,
        INGEST_CHUNK_ROWS: '5000',
        INGEST_MAX_CHUNKS: '10',
      },
    });
    grantObjects(ingest, this.bucket, { read: ['raw/', 'state/'], write: ['state/', 'quarantine/'] });
    for (const stream of Object.values(this.streams)) stream.grantWrite(ingest);
    new Rule(this, 'IngestSchedule', {
      description: 'Advances each raw file of the lake onto its stream',
      schedule: Schedule.rate(every),
      targets: DOMAINS.map(
        (domain) =>
          new LambdaFunction(ingest, { event: RuleTargetInput.fromObject({ domain }), retryAttempts: 2 }),
      ),
    });
    return ingest;
  }

  private processor(id: string, domain: Domain): SluiceFunction {
    const fn = new SluiceFunction(this, id, {
      entry: handlerEntry(domain),
      description: `Seed 002 ${domain === 'maintenance' ? 'manufacturing' : 'ecommerce'}-data-processor: scored Parquet into lake/`,
      memorySize: 1024,
      parquetWasm: 'module',
      environment: { LAKE_BUCKET: this.bucket.bucketName },
    });
    grantObjects(fn, this.bucket, { write: ['lake/', 'quarantine/'] });
    fn.addEventSource(
      new KinesisEventSource(this.streams[domain], {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.failures),
      }),
    );
    return fn;
  }

  /** The crawlers' job, from the library's table definitions; partitions projected, never crawled. */
  private tables(database: CfnDatabase, firstReadingDate: string): TableDefinition[] {
    const projections: Record<string, TableDefinition['projection']> = {
      maintenance: {
        columns: {
          date: {
            type: 'date',
            format: 'yyyy-MM-dd',
            range: [firstReadingDate, 'NOW'],
            interval: 1,
            unit: 'DAYS',
          },
        },
      },
      customers: {
        columns: { customer_segment: { type: 'enum', values: ['HIGH_VALUE', 'MEDIUM_VALUE', 'STANDARD'] } },
      },
    };
    const tables = lakeTables(this.bucket.bucketName).map((table) => {
      const projection = projections[table.name];
      return projection ? { ...table, projection } : table;
    });
    for (const table of tables) {
      glueTable(database, toCdkTableInput(table));
    }
    return tables;
  }

  /** `manufacturing-analytics` and `ecommerce-analytics`: one function, the domain in its input. */
  private analyticsFunction(workGroup: CfnWorkGroup, database: CfnDatabase, tables: TableDefinition[]) {
    const analytics = new SluiceFunction(this, 'Analytics', {
      entry: handlerEntry('analytics'),
      description: 'Seed 002 manufacturing-analytics and ecommerce-analytics: a domain summary in Athena SQL',
      timeout: Duration.minutes(5),
      environment: {
        LAKE_BUCKET: this.bucket.bucketName,
        ATHENA_WORKGROUP: workGroup.ref,
        ATHENA_DATABASE: database.ref,
      },
    });
    grantAthenaQueries(analytics, {
      workGroupName: workGroup.ref,
      databaseName: database.ref,
      tableNames: tables.map((table) => table.name),
      resultsBucket: this.bucket,
    });
    // Athena reads the tables and writes results with the caller's rights.
    grantObjects(analytics, this.bucket, {
      read: ['lake/', ATHENA_RESULTS_PREFIX],
      write: ['analytics/', ATHENA_RESULTS_PREFIX],
    });
    return analytics;
  }
}
