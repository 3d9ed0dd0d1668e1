// README "Integration tests against dynalite and kinesalite".

// #region readme
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { startDynalite, startKinesalite } from '@sluice/sinks/testing';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const dynamo = await startDynalite(); // 127.0.0.1, free port, in memory
const dynamoClient = new DynamoDBClient(dynamo.clientConfig); // { endpoint, region, credentials: static }

const kinesis = await startKinesalite(); // streams ACTIVE at once (createStreamMs 0)
// kinesalite speaks HTTP/1.1 only: the SDK's default HTTP/2-capable handler fails against it.
const kinesisClient = new KinesisClient({ ...kinesis.clientConfig, requestHandler: new NodeHttpHandler() });

const tables = await dynamoClient.send(new ListTablesCommand({})); // { TableNames: [] }
const streams = await kinesisClient.send(new ListStreamsCommand({})); // { StreamNames: [] }
await Promise.all([dynamo.stop(), kinesis.stop()]);
// #endregion

export const ran = { tables, streams };
