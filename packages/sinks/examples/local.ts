// README "Local counterparts" (the test runs it in a temporary folder).

// #region readme
import { DynamoDbSink } from '@sluice/sinks/dynamodb';
import { JsonLinesNotifier } from '@sluice/sinks/local';
import { startLocalDynamo } from '@sluice/sinks/local/dynamo';

const dynamo = await startLocalDynamo({
  path: '.sluice/dynamo',
  tables: [{ tableName: 'transactions', partitionKey: 'TransactionID' }],
});
const sink = new DynamoDbSink({
  tableName: 'transactions',
  partitionKey: 'TransactionID',
  clientConfig: dynamo.clientConfig,
});
const notifier = new JsonLinesNotifier('.sluice/notifications.jsonl');
// ... run ...
await sink.putIfAbsent({ TransactionID: 'T-1', Status: 'confirmed' }); // 'created'
await notifier.publish([{ subject: 'Order confirmed', message: 'T-1' }]);
await dynamo.stop();
// #endregion

export const ran = { notifier };
