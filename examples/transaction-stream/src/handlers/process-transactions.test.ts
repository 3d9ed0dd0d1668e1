import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Rejection, SqsEvent } from '@sluice/core';
import { ConfigurationError, fakeLambdaContext } from '@sluice/core/lambda';
import { runSqsQueue } from '@sluice/core/runner';
import { sqsEvent } from '@sluice/core/testing';
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';
import { MemoryNotifier, type Notifier } from '@sluice/sinks/notify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { processTransactionsHandler } from './process-transactions.js';

const TABLE = 'transactions-handler-test';

type RunningDynalite = Awaited<ReturnType<typeof startLocalDynamo>>;

/** An SQS event as Lambda's event source mapping sends it, one record per body. */
function eventOf(bodies: readonly { id: string; body: string; receiveCount?: number }[]): SqsEvent {
  const sentAt = 1_767_225_600_000;
  const messages = bodies.map(({ id, body, receiveCount }) => ({
    messageId: id,
    body,
    receiveCount,
    sentAt,
  }));
  return sqsEvent(messages, { queueName: 'transactions', region: 'eu-west-1' });
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
    expect(await handler(eventOf([first, second, bad]))).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }],
    });
    expect(await handler(eventOf([{ ...first, receiveCount: 2 }]))).toEqual({ batchItemFailures: [] });
    expect(await handler(eventOf([{ ...first, id: 'm-4' }]))).toEqual({ batchItemFailures: [] });
    expect(notifier.sent.map((n) => [n.attributes?.transactionId, n.attributes?.kind])).toEqual([
      ['H-2', 'large-order'],
      ['H-1', 'inventory'],
    ]);
    expect(quarantined.map((r) => [r.reason, r.position])).toEqual([
      ['schema', { kind: 'message', messageId: 'm-3' }],
    ]);
  });

  describe('with a Powertools Logger', () => {
    afterEach(() => vi.restoreAllMocks());

    it('logs the failed write through it, error whole, and writes one EMF line of the invocation', async () => {
      const written: string[] = [];
      const capture = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
      vi.spyOn(process.stdout, 'write').mockImplementation(capture);
      vi.spyOn(process.stderr, 'write').mockImplementation(capture);
      const metrics: string[] = [];
      const handler = await processTransactionsHandler({
        env: { TABLE_NAME: TABLE },
        dynamo: clientFailingFirstPut(dynamo),
        notifier: new MemoryNotifier(),
        logger: new Logger({ serviceName: 'transactions' }),
        metricsWrite: (line) => void metrics.push(line),
      });
      const message = {
        id: 'p-1',
        body: '{"transaction_id":"P-1","product_name":"tea","quantity":1,"unit_price":1}',
      };
      const context = fakeLambdaContext(() => 60_000, { awsRequestId: 'req-7' });
      expect(await handler(eventOf([message]), context)).toEqual({
        batchItemFailures: [{ itemIdentifier: 'p-1' }],
      });
      vi.restoreAllMocks();
      const logged = written.map((line) => JSON.parse(line));
      expect(logged).toEqual([
        expect.objectContaining({
          level: 'ERROR',
          service: 'transactions',
          message: 'record failed and will be retried',
          recordId: 'p-1',
          error: expect.objectContaining({ name: 'NetworkingError', message: 'socket hang up' }),
        }),
      ]);
      expect(logged[0].error.stack).toContain('socket hang up');
      expect(JSON.parse(metrics[0] ?? '')).toMatchObject({
        Handler: 'process-transactions',
        Pipeline: 'transaction-stream',
        RequestId: 'req-7',
        RecordsRead: 0,
        RecordsFailed: 1,
      });
    });
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
    await expect(created).rejects.toThrow(ConfigurationError);
    await expect(created).rejects.toThrow(message);
  });
});

describe('processTransactionsHandler, the outbox and permanent errors', () => {
  let dynamo: RunningDynalite;
  let client: DynamoDBDocumentClient;
  const table = 'transactions-outbox-test';
  beforeAll(async () => {
    dynamo = await startLocalDynamo({ tables: [{ tableName: table, partitionKey: 'TransactionID' }] });
    client = DynamoDBDocumentClient.from(new DynamoDBClient(dynamo.clientConfig));
  });
  afterAll(async () => {
    client.destroy();
    await dynamo.stop();
  });
  const stored = async (id: string) =>
    (await client.send(new GetCommand({ TableName: table, Key: { TransactionID: id } }))).Item;

  it('stores the notification pending with the item; a redelivery after a crash sends it once, same id', async () => {
    const inner = new MemoryNotifier();
    // Publishes, then "crashes" before the delivered mark: the at-least-once window.
    let crash = true;
    const notifier: Notifier = {
      publish: async (notifications) => {
        const report = await inner.publish(notifications);
        if (crash) throw Object.assign(new Error('process killed'), { name: 'Crash' });
        return report;
      },
    };
    const handler = await processTransactionsHandler({
      env: { TABLE_NAME: table },
      dynamo: client,
      notifier,
    });
    const message = {
      id: 'o-1',
      body: '{"transaction_id":"O-1","product_name":"tea","quantity":2,"unit_price":1.25}',
    };
    expect(await handler(eventOf([message]))).toEqual({ batchItemFailures: [{ itemIdentifier: 'o-1' }] });
    const pending = (await stored('O-1'))?.Notification;
    expect(pending).toMatchObject({
      status: 'pending',
      kind: 'inventory',
      id: expect.stringMatching(/^inventory-/),
    });
    crash = false;
    expect(await handler(eventOf([{ ...message, receiveCount: 2 }]))).toEqual({ batchItemFailures: [] });
    expect(await handler(eventOf([{ ...message, id: 'o-2' }]))).toEqual({ batchItemFailures: [] });
    expect(inner.sent.map((n) => [n.id, n.attributes?.notificationId])).toEqual([[pending.id, pending.id]]);
    expect((await stored('O-1'))?.Notification).toEqual({
      ...pending,
      status: 'delivered',
      deliveredAt: expect.any(String),
    });
  });

  it('quarantines a 450 KB product name and a 3,000-character id on the first delivery, with the reason', async () => {
    const notifier = new MemoryNotifier();
    const quarantined: Rejection[] = [];
    const handler = await processTransactionsHandler({
      env: { TABLE_NAME: table },
      dynamo: client,
      notifier,
      quarantine: (rejection) => void quarantined.push(rejection),
      logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    const bodies = [
      { transaction_id: 'BIG-1', product_name: 'x'.repeat(450 * 1024), quantity: 1, unit_price: 1 },
      { transaction_id: 'T'.repeat(3000), product_name: 'tea', quantity: 1, unit_price: 1 },
      { transaction_id: 'OK-1', product_name: 'tea', quantity: 1, unit_price: 1 },
    ].map((body) => ({ body: JSON.stringify(body) }));
    const queue = await runSqsQueue(bodies, handler, { maxReceiveCount: 3 });
    expect(queue).toMatchObject({ received: 3, delivered: 3, redelivered: 0, deadLettered: 0 });
    expect(
      quarantined.map((r) => [r.reason, r.position?.kind === 'message' && r.position.messageId]),
    ).toEqual([
      ['item-too-large', '00000000-0000-4000-8000-000000000001'],
      ['key-too-large', '00000000-0000-4000-8000-000000000002'],
    ]);
    expect(quarantined[0]?.message).toMatch(/"TransactionID":"BIG-1".* bytes, over the 409600-byte limit/);
    expect(quarantined[1]?.message).toBe(
      `key attribute "TransactionID" for table ${table} is 3000 bytes, over DynamoDB's 2048-byte limit`,
    );
    expect(await stored('BIG-1')).toBeUndefined();
    expect(notifier.sent.map((n) => n.attributes?.transactionId)).toEqual(['OK-1']);
  });
});
