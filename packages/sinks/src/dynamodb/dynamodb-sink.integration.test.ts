import {
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  CreateTableCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDynalite, startDynalite } from '../testing/dynalite.js';
import type { KeySchema } from './batch-plan.js';
import { DynamoDbSink } from './dynamodb-sink.js';
import { ItemTooLargeError, UnprocessedItemsError } from './errors.js';
import { MAX_ITEM_BYTES } from './item-size.js';
import { CONTRACT_TABLES, describeKeyValueSink } from './key-value-sink-contract.js';

let dynamo: RunningDynalite;
let client: DynamoDBClient;
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

beforeAll(async () => {
  dynamo = await startDynalite();
  client = new DynamoDBClient(dynamo.clientConfig);
  await createTable('transactions', 'TransactionID');
  await createTable('detections', 'key', 'windowStart');
  const contractTables: KeySchema[] = Object.values(CONTRACT_TABLES);
  for (const table of contractTables) await createTable(table.tableName, table.partitionKey, table.sortKey);
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describeKeyValueSink('dynamodb (dynalite)', (table) => new DynamoDbSink({ ...table, client }));

async function createTable(name: string, partitionKey: string, sortKey?: string): Promise<void> {
  const keys = sortKey ? [partitionKey, sortKey] : [partitionKey];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((k, i) => ({ AttributeName: k, AttributeType: i === 0 ? 'S' : 'N' })),
      KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    }),
  );
}

/** A client whose BatchWriteItem leaves all but `accept` requests of each call unprocessed. */
function clientAcceptingOnly(accept: number, calls: number[] = []): DynamoDBClient {
  const limited = new DynamoDBClient(dynamo.clientConfig);
  limited.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      const input = args.input as BatchWriteItemCommandInput;
      const [table, requests = []] = Object.entries(input.RequestItems ?? {})[0] ?? [];
      calls.push(requests.length);
      const sent = { ...input, RequestItems: { [table as string]: requests.slice(0, accept) } };
      const result = await next({ ...args, input: sent });
      const held = requests.slice(accept);
      if (held.length > 0)
        (result.output as BatchWriteItemCommandOutput).UnprocessedItems = { [table as string]: held };
      return result;
    },
    { step: 'initialize', name: 'leaveUnprocessed' },
  );
  return limited;
}

describe('DynamoDbSink.putIfAbsent', () => {
  const sink = () => new DynamoDbSink({ tableName: 'transactions', partitionKey: 'TransactionID', client });

  it('refuses an item over 400 KB with a typed error before calling DynamoDB', async () => {
    const calls: string[] = [];
    const counted = new DynamoDBClient(dynamo.clientConfig);
    counted.middlewareStack.add(
      (next, context) => (args) => {
        calls.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize' },
    );
    const big = { TransactionID: 't-big', note: 'x'.repeat(MAX_ITEM_BYTES) };
    const guarded = new DynamoDbSink({
      tableName: 'transactions',
      partitionKey: 'TransactionID',
      client: counted,
    });
    await expect(guarded.putIfAbsent(big)).rejects.toBeInstanceOf(ItemTooLargeError);
    expect(calls).toEqual([]);
  });

  it('stores an item just under the limit', async () => {
    const item = { TransactionID: 't-near', note: 'x'.repeat(MAX_ITEM_BYTES - 200) };
    expect(await sink().putIfAbsent(item)).toBe('created');
  });
});

describe('DynamoDbSink.writeBatch', () => {
  const detections = (c: DynamoDBClient, maxAttempts = 8) =>
    new DynamoDbSink({
      tableName: 'detections',
      partitionKey: 'key',
      sortKey: 'windowStart',
      client: c,
      retry: { ...fast, maxAttempts },
    });

  it('writes 60 items with repeated keys: the last item of a key wins, no duplicate-key failure', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ key: `u${i % 50}`, windowStart: 1000, count: i }));
    const report = await detections(client).writeBatch(items);
    expect(report).toEqual({ written: 50, collapsed: 10, rejected: [] });
    expect(await detections(client).get({ key: 'u3', windowStart: 1000 })).toMatchObject({ count: 53 });
  });

  it('retries UnprocessedItems until every item is written', async () => {
    const calls: number[] = [];
    const items = Array.from({ length: 30 }, (_, i) => ({ key: `r${i}`, windowStart: 0, count: i }));
    const report = await detections(clientAcceptingOnly(10, calls)).writeBatch(items);
    expect(report.written).toBe(30);
    expect(calls).toEqual([25, 15, 5, 5]);
    for (const item of items)
      expect(await detections(client).get({ key: item.key, windowStart: 0 })).toEqual(item);
  });

  it('throws UnprocessedItemsError naming the items left when retries run out', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ key: `left${i}`, windowStart: 0 }));
    const error = await detections(clientAcceptingOnly(2), 2)
      .writeBatch(items)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessedItemsError);
    expect((error as UnprocessedItemsError).remaining).toEqual(items.slice(4));
    expect((error as UnprocessedItemsError).message).toMatch(
      /1 item\(s\) still unprocessed in table detections/,
    );
  });
});
