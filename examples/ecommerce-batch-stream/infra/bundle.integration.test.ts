import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { createTableInput, emulatorEnvironment, stackUnderTest, useEnvironment } from '@sluice/cdk/testing';
import { kinesisEvent } from '@sluice/core/testing';
import { type RunningDynalite, type RunningS3rver, startDynalite, startS3rver } from '@sluice/sinks/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTIONS_TABLE } from '../src/layout.js';
import { EcommerceBatchStreamStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const BUCKET = 'events-bucket';
const shop = stackUnderTest((app) => new EcommerceBatchStreamStack(app, 'Ecommerce'), exampleDir, {
  bundle: true,
});
let dynalite: RunningDynalite;
let s3rver: RunningS3rver;
let dynamo: DynamoDBClient;
const sns = mockClient(SNSClient);

beforeAll(async () => {
  [dynalite, s3rver] = await Promise.all([startDynalite(), startS3rver({ bucket: BUCKET })]);
  dynamo = new DynamoDBClient(dynalite.clientConfig);
  const table = createTableInput(shop.template.toJSON(), 'Detections', DETECTIONS_TABLE.tableName);
  await dynamo.send(new CreateTableCommand(table));
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
}, 120_000);
afterAll(async () => {
  sns.restore();
  dynamo?.destroy();
  await Promise.all([dynalite?.stop(), s3rver?.stop()]);
});
useEnvironment(() => ({
  ...emulatorEnvironment({ dynamodb: dynalite.endpoint, s3: s3rver.endpoint }),
  AWS_LAMBDA_FUNCTION_NAME: 'detect-bots',
  TABLE_NAME: DETECTIONS_TABLE.tableName,
  ALERT_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:bot-alerts',
  EVENTS_BUCKET: BUCKET,
  WINDOW_MS: '10000',
  FLAG_THRESHOLD: '5',
  ALERT_THRESHOLD: '10',
  DETECTION_TTL_DAYS: '30',
}));

const event = (user: string, second: number) => ({
  event_time: `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC`,
  event_type: 'view',
  product_id: '1',
  category_id: '2',
  category_code: '',
  brand: '',
  price: '1.00',
  user_id: user,
  user_session: 's',
});

describe('the detector bundle synth wrote to cdk.out', () => {
  it('flags a burst, stores it with its expiry, alerts, and keeps the window state in S3', async () => {
    const { handler } = await shop.importBundle('DetectBots');
    // 12 views by one user inside a 10 s window (high severity), then time moves past the window.
    const burst = Array.from({ length: 12 }, (_, i) => ({ data: event('bot', i % 9), partitionKey: 'bot' }));
    const later = [{ data: event('human', 59), partitionKey: 'human' }];
    const response = await handler(kinesisEvent([...burst, ...later], { streamName: 'events' }));
    expect(response).toEqual({ batchItemFailures: [] });
    const items = (await dynamo.send(new ScanCommand({ TableName: DETECTIONS_TABLE.tableName }))).Items ?? [];
    expect(items.map((item) => item.key?.S)).toEqual(['bot']);
    const windowEnd = Number(items[0]?.windowEnd?.N);
    expect(Number(items[0]?.expiresAt?.N)).toBe(Math.floor(windowEnd / 1000) + 30 * 86_400);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    const s3 = new S3Client(s3rver.clientConfig);
    const state = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'state/bot-detector/' }));
    s3.destroy();
    expect(state.KeyCount).toBeGreaterThan(0);
  });
});
