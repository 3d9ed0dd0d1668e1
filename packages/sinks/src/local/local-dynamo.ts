import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { KeySchema } from '../dynamodb/batch-plan.js';
import { type RunningDynalite, startDynalite } from '../testing/dynalite.js';

/** Options of {@link startLocalDynamo}. */
export interface LocalDynamoOptions {
  /** Directory for dynalite's LevelDB files, so tables and items survive across runs. In memory if absent. */
  path?: string;
  /** Tables to create if they do not exist yet (string keys; the sort key, if any, a number). */
  tables?: readonly (KeySchema & { sortKeyType?: 'S' | 'N' })[];
}

/**
 * Starts the DynamoDB protocol in-process (dynalite, 127.0.0.1, free port) for local runs, and
 * creates the tables the pipelines need. Point a `DynamoDbSink` at `clientConfig`.
 *
 * @example
 * const dynamo = await startLocalDynamo({ path: '.sluice/dynamo', tables: [{ tableName: 'transactions', partitionKey: 'TransactionID' }] });
 * const sink = new DynamoDbSink({ tableName: 'transactions', partitionKey: 'TransactionID', clientConfig: dynamo.clientConfig });
 * await dynamo.stop();
 */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<RunningDynalite> {
  const dynamo = await startDynalite({ path: options.path });
  const client = new DynamoDBClient(dynamo.clientConfig);
  try {
    for (const table of options.tables ?? []) await ensureTable(client, table);
  } catch (error) {
    await dynamo.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return dynamo;
}

async function ensureTable(
  client: DynamoDBClient,
  table: KeySchema & { sortKeyType?: 'S' | 'N' },
): Promise<void> {
  const keys: { name: string; type: 'S' | 'N'; role: 'HASH' | 'RANGE' }[] = [
    { name: table.partitionKey, type: 'S', role: 'HASH' },
  ];
  if (table.sortKey) keys.push({ name: table.sortKey, type: table.sortKeyType ?? 'N', role: 'RANGE' });
  const command = new CreateTableCommand({
    TableName: table.tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    KeySchema: keys.map((k) => ({ AttributeName: k.name, KeyType: k.role })),
  });
  // A table kept from an earlier run (persisted path) is fine as it is.
  await client.send(command).catch((error: unknown) => {
    if (!(error instanceof ResourceInUseException)) throw error;
  });
  await untilActive(client, table.tableName);
}

/** Waits until the table is ACTIVE: dynalite, like DynamoDB, answers CREATING for a while first. */
async function untilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within 10 s`);
}
