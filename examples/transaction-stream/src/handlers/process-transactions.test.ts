import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Rejection, SqsEvent } from '@sluice/core';
import { startLocalDynamo } from '@sluice/sinks/local';
import { MemoryNotifier } from '@sluice/sinks/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionStreamConfigError } from '../errors.js';
import { processTransactionsHandler } from './process-transactions.js';

const TABLE = 'transactions-handler-test';

type RunningDynalite = Awaited<ReturnType<typeof startLocalDynamo>>;

/** An SQS event as Lambda's event source mapping sends it, one record per body. */
function sqsEvent(bodies: readonly { id: string; body: string; receiveCount?: number }[]): SqsEvent {
  return {
    Records: bodies.map(({ id, body, receiveCount }) => ({
      messageId: id,
      receiptHandle: `handle-${id}`,
      body,
      attributes: { ApproximateReceiveCount: String(receiveCount ?? 1), SentTimestamp: '1767225600000' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:transactions',
      awsRegion: 'eu-west-1',
    })),
  };
}

/** A DynamoDB client whose first PutItem fails as a dropped connection would. */
function clientFailingFirstPut(dynamo: RunningDynalite): DynamoDBClient {
  const client = new DynamoDBClient(dynamo.clientConfig);
  let failed = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'PutItemCommand' || failed) return next(args);
      failed = true;
      throw Object.assign(new Error('socket hang up'), { name: 'NetworkingError' });
    },
    { step: 'initialize' },
  );
  return client;
}

describe('processTransactionsHandler', () => {
  let dynamo: RunningDynalite;
  beforeAll(async () => {
    dynamo = await startLocalDynamo({ tables: [{ tableName: TABLE, partitionKey: 'TransactionID' }] });
  });
  afterAll(() => dynamo.stop());

  it('reports only the message whose write failed, and its redelivery notifies once', async () => {
    const notifier = new MemoryNotifier();
    const quarantined: Rejection[] = [];
    const handler = await processTransactionsHandler({
      env: { TABLE_NAME: TABLE },
      dynamo: clientFailingFirstPut(dynamo),
      notifier,
      quarantine: (rejection) => void quarantined.push(rejection),
      onReport: () => {},
    });
    const first = {
      id: 'm-1',
      body: '{"transaction_id":"H-1","product_name":"tea","quantity":2,"unit_price":1.25}',
    };
    const second = {
      id: 'm-2',
      body: '{"transaction_id":"H-2","product_name":"tea","quantity":500,"unit_price":1}',
    };
    const bad = { id: 'm-3', body: '{"transaction_id":"H-3"}' };
    expect(await handler(sqsEvent([first, second, bad]))).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }],
    });
    expect(await handler(sqsEvent([{ ...first, receiveCount: 2 }]))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent([{ ...first, id: 'm-4' }]))).toEqual({ batchItemFailures: [] });
    expect(notifier.sent.map((n) => [n.attributes?.transactionId, n.attributes?.kind])).toEqual([
      ['H-2', 'large-order'],
      ['H-1', 'inventory'],
    ]);
    expect(quarantined.map((r) => [r.reason, r.position])).toEqual([
      ['schema', { kind: 'message', messageId: 'm-3' }],
    ]);
  });

  it.each([
    [{}, /TABLE_NAME is required/],
    [{ TABLE_NAME: TABLE }, /TOPIC_ARN is required/],
    [
      { TABLE_NAME: TABLE, TOPIC_ARN: 'arn:aws:sns:eu-west-1:1:t', LARGE_ORDER_THRESHOLD: 'many' },
      /LARGE_ORDER_THRESHOLD must be a whole number/,
    ],
  ])('refuses the environment %j with a message naming the setting', async (env, message) => {
    const created = processTransactionsHandler({ env });
    await expect(created).rejects.toThrow(TransactionStreamConfigError);
    await expect(created).rejects.toThrow(message);
  });
});
