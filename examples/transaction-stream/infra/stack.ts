import { fileURLToPath } from 'node:url';
import { failureQueue, SluiceFunction, stackParameters } from '@sluice/cdk';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Operation, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Settings of {@link TransactionStreamStack} fixed at synth (deploy-time ones are CloudFormation parameters). */
export interface TransactionStreamStackProps extends StackProps {
  /**
   * FIFO notification topics: SNS drops a repeated notification id within five minutes, but a FIFO
   * topic delivers only to SQS queues. Default false: standard topics (email, HTTPS, Lambda, SQS),
   * at-least-once, every notification carrying its id for subscribers to drop repeats.
   */
  fifoNotifications?: boolean;
  /** Deliveries of a message before it goes to the dead-letter queue. Default 5. */
  maxReceiveCount?: number;
}

/** Every operation the handler calls on the table: one conditional put, reads and the delivery mark. */
export const TABLE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem'] as const;

/**
 * Seed 003 on AWS: an SQS queue (dead-letter queue after `maxReceiveCount` deliveries) feeds the
 * transaction Lambda in batches with `ReportBatchItemFailures`; items go to an on-demand DynamoDB
 * table keyed `TransactionID` with point-in-time recovery; inventory notifications and large-order
 * alerts go to their own topics; CloudWatch alarms on the Lambda, the table and both queues notify
 * an ops topic.
 */
export class TransactionStreamStack extends Stack {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly table: Table;
  readonly topics: { inventory: Topic; largeOrders: Topic; ops: Topic };
  readonly processor: SluiceFunction;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: TransactionStreamStackProps = {}) {
    super(scope, id, props);
    const timeout = Duration.seconds(30);
    // biome-ignore format: one parameter a line
    const params = stackParameters(this, {
      LargeOrderThreshold: { default: 100, min: 0, description: 'Orders of more units than this are pending, with a large-order alert' },
      ConsumedWriteUnitsAlarm: { default: 30_000, min: 1, description: 'Alarm when the table consumes more write capacity units than this in 5 minutes' },
      OldestMessageAlarmSeconds: { default: 300, min: 60, description: 'Alarm when the oldest message of the queue has waited longer than this' },
    });
    this.deadLetters = failureQueue(
      this,
      'DeadLetters',
      'This is the dead-letter queue of the transactions queue; an alarm fires on its first message and a redrive sends messages back',
    );
    this.queue = new Queue(this, 'Transactions', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the function timeout, as Lambda advises, so a batch in flight is not redelivered.
      visibilityTimeout: timeout.plus(timeout).plus(timeout).plus(timeout).plus(timeout).plus(timeout),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    this.table = new Table(this, 'TransactionTable', {
      partitionKey: { name: 'TransactionID', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const fifo = props.fifoNotifications ?? false;
    this.topics = {
      inventory: this.topic('InventoryNotifications', fifo),
      largeOrders: this.topic('LargeOrderAlerts', fifo),
      ops: this.topic('OpsAlarms', false),
    };
    this.processor = this.processorFunction(timeout, params.LargeOrderThreshold.valueAsString);
    this.alarms = this.createAlarms(
      params.ConsumedWriteUnitsAlarm.valueAsNumber,
      params.OldestMessageAlarmSeconds.valueAsNumber,
    );
    new CfnOutput(this, 'QueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.deadLetters.queueUrl });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'OpsTopicArn', { value: this.topics.ops.topicArn });
  }

  private topic(id: string, fifo: boolean): Topic {
    return new Topic(this, id, {
      enforceSSL: true,
      ...(fifo && { fifo: true, contentBasedDeduplication: false }),
    });
  }

  private processorFunction(timeout: Duration, largeOrderThreshold: string): SluiceFunction {
    const fn = new SluiceFunction(this, 'ProcessTransactions', {
      entry: fileURLToPath(new URL('../src/handlers/process-transactions.ts', import.meta.url)),
      description: 'Seed 003: validate, store once in DynamoDB, notify once per transaction',
      timeout,
      environment: {
        TABLE_NAME: this.table.tableName,
        TOPIC_ARN: this.topics.inventory.topicArn,
        LARGE_ORDER_TOPIC_ARN: this.topics.largeOrders.topicArn,
        LARGE_ORDER_THRESHOLD: largeOrderThreshold,
      },
    });
    fn.addToRolePolicy(
      new PolicyStatement({ actions: [...TABLE_ACTIONS], resources: [this.table.tableArn] }),
    );
    this.topics.inventory.grantPublish(fn);
    this.topics.largeOrders.grantPublish(fn);
    fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );
    return fn;
  }

  private createAlarms(consumedWriteUnits: number, oldestMessageSeconds: number): Alarm[] {
    const five = { period: Duration.minutes(5), statistic: 'Sum' };
    const alarms = [
      this.alarm('ProcessorErrors', this.processor.metricErrors(five), 0, 'The transaction Lambda failed'),
      this.alarm(
        'ProcessorThrottles',
        this.processor.metricThrottles(five),
        0,
        'The transaction Lambda was throttled',
      ),
      this.alarm(
        'TableThrottledRequests',
        this.table.metricThrottledRequestsForOperations({
          operations: [Operation.PUT_ITEM, Operation.GET_ITEM, Operation.UPDATE_ITEM],
          period: Duration.minutes(5),
        }),
        0,
        'DynamoDB throttled a request of the transaction handler',
      ),
      this.alarm(
        'TableConsumedWriteCapacity',
        this.table.metricConsumedWriteCapacityUnits(five),
        consumedWriteUnits,
        'The transaction table consumed more write capacity than expected (cost)',
      ),
      this.alarm(
        'QueueOldestMessageAge',
        this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
        oldestMessageSeconds,
        'Transactions are waiting in the queue longer than expected',
      ),
      this.alarm(
        'DeadLetterQueueDepth',
        this.deadLetters.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        0,
        'A transaction message was dead-lettered: read it, fix the cause, redrive it',
      ),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(new SnsAction(this.topics.ops));
    return alarms;
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): Alarm {
    return new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
  }
}
