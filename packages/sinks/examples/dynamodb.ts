// README "DynamoDB", against dynalite: the hidden prelude starts it with the two tables and points
// the SDK at it through the environment, as a Lambda's configuration would point it at DynamoDB.
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';

const dynamo = await startLocalDynamo({
  tables: [
    { tableName: 'transactions', partitionKey: 'TransactionID' },
    { tableName: 'bot-windows', partitionKey: 'key', sortKey: 'windowStart' },
  ],
});
Object.assign(process.env, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});
const tx = { TransactionID: 'T-1', Status: 'confirmed', TotalCents: 30 };
const items = [
  { TransactionID: 'T-2', Status: 'pending' },
  { TransactionID: 'T-2', Status: 'confirmed' },
  { Status: 'no key' },
];
const windowStart = Date.UTC(2019, 10, 1);
const windowEnd = windowStart + 10_000;

// #region readme
import { DynamoDbSink } from '@sluice/sinks/dynamodb';

const sink = new DynamoDbSink({
  tableName: 'transactions',
  partitionKey: 'TransactionID',
  clientConfig: { region: 'eu-west-1' },
});
const stored = await sink.putIfAbsent(tx); // 'created' | 'duplicate' | 'conflict'
const batch = await sink.writeBatch(items); // { written, collapsed, rejected: [{ item, reason: 'item-too-large' | 'missing-key', message }] }

const windows = new DynamoDbSink({ tableName: 'bot-windows', partitionKey: 'key', sortKey: 'windowStart' });
await windows.upsert({ key: 'user-42', windowStart }, { windowEnd, count: 12 }); // one item per (key, windowStart)
// #endregion

const again = await sink.putIfAbsent(tx);
const clash = await sink.putIfAbsent({ ...tx, TotalCents: 31 });
const window = await windows.get({ key: 'user-42', windowStart });
await dynamo.stop();
export const ran = { stored, again, clash, batch, window };
