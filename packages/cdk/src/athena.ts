import { Stack } from 'aws-cdk-lib';
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
