import { fileURLToPath } from 'node:url';
import { synthForTest } from '@sluice/cdk';
import { itFollowsTheReferenceRules, stackUnderTest } from '@sluice/cdk/testing';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TransactionStreamStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const tx = stackUnderTest((app) => new TransactionStreamStack(app, 'Transactions'), exampleDir);
const { logicalId } = tx;

describe('TransactionStreamStack', () => {
  itFollowsTheReferenceRules(tx);

  it('redrives the queue to a dead-letter queue and reports partial batch failures', () => {
    tx.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(tx.stack.deadLetters), 'Arn'] },
        maxReceiveCount: 5,
      },
      VisibilityTimeout: 180,
    });
    tx.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalId(tx.stack.queue), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
  });

  it('stores transactions in an on-demand table keyed TransactionID (S) with point-in-time recovery', () => {
    tx.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'TransactionID', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'TransactionID', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('sends inventory notifications and large-order alerts to their own topics', () => {
    tx.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TOPIC_ARN: { Ref: logicalId(tx.stack.topics.inventory) },
          LARGE_ORDER_TOPIC_ARN: { Ref: logicalId(tx.stack.topics.largeOrders) },
          TABLE_NAME: { Ref: logicalId(tx.stack.table) },
        }),
      },
    });
  });

  it('alarms on Lambda errors and throttles, table throttles and capacity, message age and DLQ depth, to the ops topic', () => {
    const alarms = Object.values(tx.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(6);
    const named = alarms.map((alarm) => alarm.Properties.MetricName ?? 'math');
    expect(named.sort()).toEqual(
      [
        'ApproximateAgeOfOldestMessage',
        'ApproximateNumberOfMessagesVisible',
        'ConsumedWriteCapacityUnits',
        'Errors',
        'Throttles',
        'math',
      ].sort(),
    );
    for (const alarm of alarms)
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: logicalId(tx.stack.topics.ops) }]);
    tx.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(tx.stack.deadLetters), 'QueueName'] } },
      ],
    });
  });

  it('makes the notification topics FIFO when asked', () => {
    const fifo = synthForTest(
      (app) => new TransactionStreamStack(app, 'Fifo', { fifoNotifications: true }),
      exampleDir,
      { bundle: false },
    );
    try {
      fifo.template.resourcePropertiesCountIs('AWS::SNS::Topic', { FifoTopic: true }, 2);
    } finally {
      fifo.remove();
    }
  });
});
