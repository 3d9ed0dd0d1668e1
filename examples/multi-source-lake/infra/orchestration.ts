import { toUnloadSql } from '@sluice/athena';
import { tracedStateMachine } from '@sluice/cdk';
import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  Chain,
  CustomState,
  DefinitionBody,
  JsonPath,
  Parallel,
  type StateMachine,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { CURATED_PREFIX, compactionSpec } from '../src/analytics/compaction.js';
import type { Domain } from '../src/layout.js';
import { LAKE_STATES } from '../src/orchestration/states.js';

/** Props of {@link LakeOrchestration}. */
export interface LakeOrchestrationProps {
  bucket: IBucket;
  workGroupName: string;
  databaseName: string;
  analytics: IFunction;
  integrate: IFunction;
}

const DOMAINS: readonly Domain[] = ['maintenance', 'customers'];

/**
 * `data-lake-orchestration`: per domain, in parallel, an Athena UNLOAD compacts the dataset into
 * `curated/<domain>/run=<execution name>/` (the seed's Glue ETL job; `.sync` waits for it), then the
 * analytics Lambda summarises the domain; the integration Lambda then scores both summaries.
 */
export class LakeOrchestration extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: LakeOrchestrationProps) {
    super(scope, id);
    const branches = DOMAINS.map((domain) =>
      Chain.start(this.compaction(props, domain)).next(this.analytics(props.analytics, domain)),
    );
    const parallel = new Parallel(this, LAKE_STATES.analyse, { resultSelector: resultOfBranches() });
    for (const branch of branches) parallel.branch(branch);
    const integrate = new LambdaInvoke(this, LAKE_STATES.integrate, {
      lambdaFunction: props.integrate,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    this.stateMachine = tracedStateMachine(this, {
      definitionBody: DefinitionBody.fromChainable(parallel.next(integrate)),
      timeout: Duration.hours(2),
      invokes: [props.analytics, props.integrate],
      invokesWhy:
        "The analytics and integration functions' own versions and aliases (`arn:…:function:name:*`), as LambdaInvoke grants them",
    });
    this.grantAthena(props);
  }

  /**
   * The UNLOAD as a raw `.sync` Task (the CDK construct grants Athena, Glue and S3 on `*`): its
   * location names the bucket and the execution, filled in by `States.Format` (a bucket name holds
   * no character the format string would need escaped).
   */
  private compaction(props: LakeOrchestrationProps, domain: Domain): CustomState {
    const template = toUnloadSql(compactionSpec(domain, `s3://{}/${CURATED_PREFIX}${domain}/run={}/`));
    return new CustomState(this, LAKE_STATES.compact[domain], {
      stateJson: {
        Type: 'Task',
        Resource: `arn:${Stack.of(this).partition}:states:::athena:startQueryExecution.sync`,
        Parameters: {
          'QueryString.$': `States.Format('${statesString(template)}', '${props.bucket.bucketName}', $$.Execution.Name)`,
          WorkGroup: props.workGroupName,
          QueryExecutionContext: { Database: props.databaseName },
        },
        ResultPath: null,
        Retry: [
          {
            ErrorEquals: ['Athena.TooManyRequestsException', 'Athena.InternalServerException'],
            IntervalSeconds: 5,
            BackoffRate: 2,
            MaxAttempts: 4,
          },
        ],
      },
    });
  }

  private analytics(fn: IFunction, domain: Domain): LambdaInvoke {
    return new LambdaInvoke(this, LAKE_STATES.analytics[domain], {
      lambdaFunction: fn,
      payload: TaskInput.fromObject({ domain }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
  }

  /** What `.sync` polls and UNLOAD reads and writes, scoped to the stack's workgroup, database and bucket. */
  private grantAthena(props: LakeOrchestrationProps): void {
    const stack = Stack.of(this);
    const role = this.stateMachine.role;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'athena:StartQueryExecution',
          'athena:GetQueryExecution',
          'athena:StopQueryExecution',
          'athena:GetWorkGroup',
        ],
        resources: [
          stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: props.workGroupName }),
        ],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartition', 'glue:GetPartitions'],
        resources: [
          stack.formatArn({ service: 'glue', resource: 'catalog' }),
          stack.formatArn({ service: 'glue', resource: 'database', resourceName: props.databaseName }),
          ...DOMAINS.map((table) =>
            stack.formatArn({
              service: 'glue',
              resource: 'table',
              resourceName: `${props.databaseName}/${table}`,
            }),
          ),
        ],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [props.bucket.bucketArn] }),
    );
  }
}

/** The Parallel state's output, by domain: `{maintenance: <branch 0>, customers: <branch 1>}`. */
function resultOfBranches(): Record<string, string> {
  return Object.fromEntries(DOMAINS.map((domain, i) => [domain, JsonPath.stringAt(`$[${i}]`)]));
}

/** A literal inside a `States.Format` argument: `'`, `{`, `}` and `\` escaped. */
function statesString(text: string): string {
  return text.replace(/[\\'{}]/g, (c) => `\\${c}`).replace(/\\\{\\\}/g, '{}');
}
