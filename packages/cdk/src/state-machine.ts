import { type Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** Props of {@link tracedStateMachine}. */
export interface TracedStateMachineProps {
  definitionBody: DefinitionBody;
  /** Default none (a standard workflow may run a year). */
  timeout?: Duration;
  /** The functions its tasks invoke: LambdaInvoke grants their versions and aliases too (`…:*`). */
  invokes: readonly IFunction[];
  /** Why those functions are invoked, for cdk-nag. */
  invokesWhy: string;
}

/**
 * The state machine of a construct (ids `StateMachine` and `Logs` in `scope`): X-Ray tracing on,
 * every event logged to a log group kept a month, and the wildcards its role needs acknowledged to
 * cdk-nag (the invoked functions' versions, X-Ray and log delivery).
 *
 * @example this.stateMachine = tracedStateMachine(this, { definitionBody: DefinitionBody.fromChainable(map), invokes: [filter], invokesWhy: '…' });
 */
export function tracedStateMachine(scope: Construct, props: TracedStateMachineProps): StateMachine {
  const stateMachine = new StateMachine(scope, 'StateMachine', {
    definitionBody: props.definitionBody,
    ...(props.timeout && { timeout: props.timeout }),
    tracingEnabled: true,
    logs: {
      level: LogLevel.ALL,
      destination: new LogGroup(scope, 'Logs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    },
  });
  const stack = Stack.of(scope);
  const arn = (fn: IFunction) => stack.resolve(stack.getLogicalId(fn.node.defaultChild as CfnFunction));
  acknowledge(
    stateMachine,
    props.invokesWhy,
    ...props.invokes.map((fn) => `AwsSolutions-IAM5[Resource::<${arn(fn)}.Arn>:*]`),
  );
  acknowledge(
    stateMachine,
    'X-Ray trace segments and CloudWatch Logs delivery have no resource-level permissions',
    'AwsSolutions-IAM5[Resource::*]',
  );
  return stateMachine;
}
