import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Rejection, SqsEvent } from '@sluice/core';
import { fakeLambdaContext } from '@sluice/core/lambda';
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';
import { MemoryNotifier } from '@sluice/sinks/notify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
      expect(await handler(sqsEvent([message]), context)).toEqual({
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
    await expect(created).rejects.toThrow(TransactionStreamConfigError);
    await expect(created).rejects.toThrow(message);
  });
});
