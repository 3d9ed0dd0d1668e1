import { describe, expect, it } from 'vitest';
import type { Rejection } from '../outcome/outcome.js';
import { rejected } from '../outcome/outcome.js';
import { S3ObjectRetryError } from './errors.js';
import invalidKey from './fixtures/events/s3/key-invalid-percent-encoding.json' with { type: 'json' };
import encodedKeys from './fixtures/events/s3/keys-plus-percent-encoded.json' with { type: 'json' };
import type { S3Event } from './s3-event.js';
import { s3ObjectHandler } from './s3-handler.js';
import { type BatchReport, retryLater } from './verdict.js';

const filter = { prefix: 'raw/', suffix: '.csv' };

describe('s3ObjectHandler', () => {
  it('processes decoded keys under the filter and drops the others as outside-filter', async () => {
    const keys: string[] = [];
    const handler = s3ObjectHandler({
      filter,
      process: ({ key }) => void keys.push(key),
      onReject: () => {},
    });
    const report = await handler(encodedKeys as S3Event);
    expect(keys).toEqual(['raw/café menu +1.csv', 'raw/ORDERS Q1.CSV']);
    expect(report).toMatchObject({ read: 3, kept: 2, dropped: { 'outside-filter': 1 }, failed: 0 });
  });

  it('rejects an object with its s3:// position', async () => {
    const rejections: Rejection[] = [];
    const handler = s3ObjectHandler({
      process: ({ key }) => (key.endsWith('.CSV') ? rejected('empty-object', 'no header line') : undefined),
      onReject: (rejection) => void rejections.push(rejection),
    });
    await handler(encodedKeys as S3Event);
    expect(rejections).toEqual([
      {
        reason: 'empty-object',
        message: 'no header line',
        position: { kind: 'file', file: 's3://sluice-orders-bucket/raw/ORDERS Q1.CSV', line: 0 },
      },
    ]);
  });

  it('rejects a key that is not valid URL encoding instead of crashing', async () => {
    const rejections: Rejection[] = [];
    const handler = s3ObjectHandler({ process: () => undefined, onReject: (r) => void rejections.push(r) });
    const report = await handler(invalidKey as S3Event);
    expect(rejections[0]).toMatchObject({ reason: 'invalid-key', raw: 'raw/bad%E9key.csv' });
    expect(report.rejected).toEqual({ 'invalid-key': 1 });
  });

  it('finishes the other objects, then throws so Lambda retries the event when one asked for a retry', async () => {
    const keys: string[] = [];
    const reports: BatchReport[] = [];
    const handler = s3ObjectHandler({
      process: ({ key }) => {
        keys.push(key);
        return key.startsWith('raw/caf') ? retryLater('store unavailable') : undefined;
      },
      onReject: () => {},
      onReport: (report) => void reports.push(report),
    });
    await expect(handler(encodedKeys as S3Event)).rejects.toThrow(S3ObjectRetryError);
    expect(keys).toHaveLength(3);
    expect(reports[0]).toMatchObject({ kept: 2, failed: 1, failures: [{ id: 'raw/café menu +1.csv' }] });
  });
});
