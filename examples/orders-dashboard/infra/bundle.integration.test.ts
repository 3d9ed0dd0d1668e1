import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stackUnderTest, useEmulators } from '@sluice/cdk/testing';
import { s3PutEvent } from '@sluice/core/testing';
import { startS3rver } from '@sluice/sinks/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrdersDashboardStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const ORDERS = readFileSync(
  new URL('../src/handlers/fixtures/orders-crlf-quoted-amount.csv', import.meta.url),
);
const orders = stackUnderTest((app) => new OrdersDashboardStack(app, 'Orders'), exampleDir, { bundle: true });
// The bundle's default S3 client reaches s3rver through the environment, as it reaches S3 on Lambda.
const emulators = useEmulators(
  { s3: () => startS3rver({ bucket: 'orders-bucket' }) },
  { ORDERS_AS_OF: '2025-06-30', ORDERS_MAX_AGE_DAYS: '30', ORDERS_TIME_ZONE: 'UTC' },
);
let s3: S3Client;
beforeAll(() => {
  s3 = new S3Client(emulators().s3.clientConfig);
});
afterAll(() => s3?.destroy());

const body = async (key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: 'orders-bucket', Key: key }))).Body?.transformToString();

describe('the filter bundle synth wrote to cdk.out', () => {
  it('filters a raw CSV put on S3, from the S3 event Lambda would receive', async () => {
    const { handler } = await orders.importBundle('FilterOrders');
    const key = 'raw/June Orders+1.csv';
    await s3.send(new PutObjectCommand({ Bucket: 'orders-bucket', Key: key, Body: ORDERS }));
    const context = {
      getRemainingTimeInMillis: () => 60_000,
      functionName: 'FilterOrders',
      awsRequestId: 'r1',
    };
    await handler(s3PutEvent('orders-bucket', { key, size: ORDERS.length }), context);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'orders-bucket' }));
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual([
      'processed-parquet/June Orders+1.parquet',
      'processed/June Orders+1.csv',
      'quarantine/June Orders+1.jsonl',
      'raw/June Orders+1.csv',
      'reports/June Orders+1.json',
    ]);
    const lines = ORDERS.toString().split('\r\n');
    expect(await body('processed/June Orders+1.csv')).toBe(
      [lines[0], lines[1], lines[4], lines[5], ''].join('\r\n'),
    );
    expect(JSON.parse((await body('reports/June Orders+1.json')) ?? '{}')).toMatchObject({
      report: { read: 6, kept: 3, dropped: { stale: 1 } },
    });
  });

  it('loads the dashboard bundle (vega without canvas) and refuses a malformed month before querying', async () => {
    const { handler } = await orders.importBundle('Dashboard');
    const response = await handler({ queryStringParameters: { month: '2025-13' } });
    expect(response).toMatchObject({ statusCode: 400, body: expect.stringContaining('2025-13') });
  });
});
