import { acknowledge, tracedStateMachine } from '@sluice/cdk';
import { Aws, Duration, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  type CfnStateMachine,
  DefinitionBody,
  DistributedMap,
  JsonPath,
  S3ObjectsItemReader,
  type StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { RAW_ORDERS } from '../src/object-keys.js';

/** State names the local run overrides (see the README's Deploy section). */
export const BACKFILL_STATES = { map: 'FilterEveryRawObject', filter: 'FilterObject' } as const;

/** Props of {@link BackfillStateMachine}. */
export interface BackfillProps {
  bucket: IBucket;
  /** The filter's `backfillHandler` entry point. */
  filter: IFunction;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
}

/**
 * Runs the stale-order filter on every object already under `raw/`: a Distributed Map over the
 * bucket listing (S3 ItemReader) invokes the filter once per object with `{bucket, key, size}`, at
 * most `maxConcurrency` at a time, and fails only past `toleratedFailurePercentage` failed objects.
 * The handler's own key filter skips what is not a `.csv`, so the rule stays in one place.
 */
export class BackfillStateMachine extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: BackfillProps) {
    super(scope, id);
    const filter = new LambdaInvoke(this, BACKFILL_STATES.filter, {
      lambdaFunction: props.filter,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    filter.addRetry({
      errors: ['Lambda.TooManyRequestsException'],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 6,
    });
    const map = new DistributedMap(this, BACKFILL_STATES.map, {
      itemReader: new S3ObjectsItemReader({ bucket: props.bucket, prefix: RAW_ORDERS.prefix }),
      itemSelector: {
        bucket: props.bucket.bucketName,
        key: JsonPath.stringAt('$$.Map.Item.Value.Key'),
        size: JsonPath.numberAt('$$.Map.Item.Value.Size'),
      },
      maxConcurrency: props.maxConcurrency,
      toleratedFailurePercentage: props.toleratedFailurePercentage,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
    });
    map.itemProcessor(filter);
    this.stateMachine = tracedStateMachine(this, {
      definitionBody: DefinitionBody.fromChainable(map),
      invokes: [props.filter],
      invokesWhy:
        "The filter function's own versions and aliases (`arn:…:function:name:*`), as LambdaInvoke grants them",
    });
    this.acknowledgeChildExecutions();
  }

  private acknowledgeChildExecutions(): void {
    const stack = Stack.of(this);
    const executions = `arn:<AWS::Partition>:states:${stack.region === Aws.REGION ? '<AWS::Region>' : stack.region}:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${stack.resolve(stack.getLogicalId(this.stateMachine.node.defaultChild as CfnStateMachine))}"}]}]}`;
    acknowledge(
      this.stateMachine,
      "The Distributed Map's child executions of this state machine, whose names Step Functions generates",
      `AwsSolutions-IAM5[Resource::${executions}:*]`,
      `AwsSolutions-IAM5[Resource::${executions}/*:*]`,
    );
  }
}
