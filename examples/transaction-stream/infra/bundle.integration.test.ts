import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { createTableInput, stackUnderTest, useEmulators } from '@sluice/cdk/testing';
import { sqsEvent } from '@sluice/core/testing';
import { startDynalite } from '@sluice/sinks/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionStreamStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const TOPICS = {
  inventory: 'arn:aws:sns:us-east-1:123456789012:inventory',
  large: 'arn:aws:sns:us-east-1:123456789012:large',
};
const tx = stackUnderTest((app) => new TransactionStreamStack(app, 'Transactions'), exampleDir, {
  bundle: true,
});
const emulators = useEmulators(
  { dynamodb: startDynalite },
  {
    AWS_LAMBDA_FUNCTION_NAME: 'transactions',
    TABLE_NAME: 'transactions',
    TOPIC_ARN: TOPICS.inventory,
    LARGE_ORDER_TOPIC_ARN: TOPICS.large,
    LARGE_ORDER_THRESHOLD: '100',
  },
);
let dynamo: DynamoDBClient;
const sns = mockClient(SNSClient);

beforeAll(async () => {
  dynamo = new DynamoDBClient(emulators().dynamodb.clientConfig);
  const table = createTableInput(tx.template.toJSON(), 'TransactionTable', 'transactions');
  await dynamo.send(new CreateTableCommand(table));
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
}, 120_000);
afterAll(() => {
  sns.restore();
  dynamo?.destroy();
});

describe('the transaction bundle synth wrote to cdk.out', () => {
  it('stores an SQS batch in DynamoDB, notifies each kind on its own topic, quarantines the unreadable message (no retry)', async () => {
    const { handler } = await tx.importBundle('ProcessTransactions');
    const event = sqsEvent([
      '{"transaction_id":"T-1","product_name":"Widget","quantity":3,"unit_price":9.99}',
      '{"transaction_id":"T-2","product_name":"Pallet","quantity":500,"unit_price":2}',
      'not json',
    ]);
    const context = {
      getRemainingTimeInMillis: () => 30_000,
      functionName: 'transactions',
      awsRequestId: 'r1',
    };
    await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
    const stored = await dynamo.send(
      new GetItemCommand({ TableName: 'transactions', Key: { TransactionID: { S: 'T-2' } } }),
    );
    expect(stored.Item?.Status?.S).toBe('pending');
    const topics = sns.commandCalls(PublishCommand).map((call) => call.args[0].input.TopicArn);
    expect(topics.sort()).toEqual([TOPICS.inventory, TOPICS.large].sort());
  });
});
