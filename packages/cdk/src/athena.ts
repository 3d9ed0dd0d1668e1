import { Aws, CfnParameter, Stack } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** What a query runner reaches: one workgroup, one Glue database and the tables it reads. */
export interface AthenaQueryScope {
  workGroupName: string;
  databaseName: string;
  tableNames: readonly string[];
  /** The bucket of the workgroup's results: Athena asks the caller for `s3:GetBucketLocation` on it. */
  resultsBucket?: IBucket;
}

/**
 * Lets `grantee` run Athena queries in one workgroup over the named Glue tables: the Athena query
 * calls on that workgroup and the Glue reads of that database and its tables, nothing account-wide.
 * Athena reads the data and writes results with the caller's rights: grant the table locations and
 * the results prefix on the bucket as well.
 *
 * @example grantAthenaQueries(dashboard, { workGroupName: workGroup.ref, databaseName: 'orders_db', tableNames: ['processed'] });
 */
export function grantAthenaQueries(grantee: IGrantable & IConstruct, scope: AthenaQueryScope): void {
  const stack = Stack.of(grantee);
  const glue = (resource: string, resourceName?: string) =>
    stack.formatArn({ service: 'glue', resource, ...(resourceName !== undefined && { resourceName }) });
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [
        'athena:StartQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:StopQueryExecution',
        'athena:GetWorkGroup',
      ],
      resources: [
        stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: scope.workGroupName }),
      ],
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
      ],
      resources: [
        glue('catalog'),
        glue('database', scope.databaseName),
        ...scope.tableNames.map((table) => glue('table', `${scope.databaseName}/${table}`)),
      ],
    }),
  );
  if (scope.resultsBucket) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [scope.resultsBucket.bucketArn] }),
    );
  }
}

/** Props of {@link queryWorkGroup}. */
export interface QueryWorkGroupProps {
  /** Appended to the stack name: `<stack>-<nameSuffix>`. */
  nameSuffix: string;
  /** Default: `Sluice <nameSuffix> queries: results under <resultsPrefix>, per-query scan limit`. */
  description?: string;
  /** Where query results go: `s3://<bucket>/<resultsPrefix>`, SSE-S3. */
  bucket: IBucket;
  resultsPrefix: string;
  /** Default of the `AthenaBytesScannedCutoff` parameter, in bytes. Default 10 GiB. */
  defaultBytesScannedCutoff?: number;
}

/**
 * The stack's Athena workgroup (`WorkGroup`): its configuration enforced, CloudWatch metrics on,
 * results under one prefix of the bucket, and a per-query scan limit set at deploy time by the
 * `AthenaBytesScannedCutoff` parameter (at least 10 MiB).
 *
 * @example const workGroup = queryWorkGroup(this, { nameSuffix: 'orders', description: '…', bucket, resultsPrefix: 'enriched/athena/', defaultBytesScannedCutoff: 1024 ** 3 });
 */
export function queryWorkGroup(stack: Stack, props: QueryWorkGroupProps): CfnWorkGroup {
  const bytesScannedCutoff = new CfnParameter(stack, 'AthenaBytesScannedCutoff', {
    type: 'Number',
    default: props.defaultBytesScannedCutoff ?? 10 * 1024 ** 3,
    minValue: 10 * 1024 ** 2,
    description: 'Athena cancels any query of the workgroup that would scan more bytes than this',
  });
  return new CfnWorkGroup(stack, 'WorkGroup', {
    name: `${Aws.STACK_NAME}-${props.nameSuffix}`,
    description:
      props.description ??
      `Sluice ${props.nameSuffix} queries: results under ${props.resultsPrefix}, per-query scan limit`,
    recursiveDeleteOption: true,
    workGroupConfiguration: {
      enforceWorkGroupConfiguration: true,
      publishCloudWatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: bytesScannedCutoff.valueAsNumber,
      resultConfiguration: {
        outputLocation: props.bucket.s3UrlForObject(props.resultsPrefix),
        encryptionConfiguration: { encryptionOption: 'SSE_S3' },
      },
    },
  });
}

/** The stack's Glue database (`Database`), in the stack's account. */
export function glueDatabase(stack: Stack, name: string, description: string): CfnDatabase {
  return new CfnDatabase(stack, 'Database', {
    catalogId: stack.account,
    databaseInput: { name, description },
  });
}

/**
 * A table of the Glue database, in its stack's account; its logical id comes from the table's name
 * (`bot_detections` → `BotDetectionsTable`).
 *
 * @example glueTable(database, toCdkTableInput(eventsTable(bucket.bucketName)));
 */
export function glueTable(database: CfnDatabase, tableInput: CfnTable.TableInputProperty): CfnTable {
  const stack = Stack.of(database);
  const id = `${(tableInput.name ?? '').replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())}Table`;
  return new CfnTable(stack, id, { catalogId: stack.account, databaseName: database.ref, tableInput });
}
