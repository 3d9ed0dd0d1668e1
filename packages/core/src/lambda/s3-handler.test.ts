import { describe, expect, it } from 'vitest';
import type { Rejection } from '../outcome/outcome.js';
import { rejected } from '../outcome/outcome.js';
import { PermanentError, S3ObjectRetryError } from './errors.js';
import invalidKey from './fixtures/events/s3/key-invalid-percent-encoding.json' with { type: 'json' };
import encodedKeys from './fixtures/events/s3/keys-plus-percent-encoded.json' with { type: 'json' };
import created from './fixtures/events/s3/object-created-put.json' with { type: 'json' };
import removed from './fixtures/events/s3/object-removed-delete.json' with { type: 'json' };
import { fakeLambdaContext } from './lambda-context.js';
import { jsonLogger } from './logger.js';
import type { S3Event } from './s3-event.js';
import { processS3Event, type S3ObjectHandlerOptions, s3ObjectHandler } from './s3-handler.js';
import { type BatchReport, retryLater } from './verdict.js';

const filter = { prefix: 'raw/', suffix: '.csv' };
const quiet = { logger: jsonLogger({ write: () => {} }) };

function logLines() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: jsonLogger({ write: (line) => void lines.push(JSON.parse(line)) }) };
}

/** A quiet handler around `process` that acknowledges rejections and keeps each invocation's report. */
function reportingHandler(process: S3ObjectHandlerOptions['process']) {
  const reports: BatchReport[] = [];
  const handler = s3ObjectHandler({
    ...quiet,
    process,
    onReject: () => {},
    onReport: (report) => void reports.push(report),
  });
  return { handler, reports };
}

describe('s3ObjectHandler', () => {
  it('processes decoded keys under the filter and drops the others as outside-filter', async () => {
    const keys: string[] = [];
    const report = await processS3Event(encodedKeys, {
      ...quiet,
      filter,
      process: ({ key }) => void keys.push(key),
      onReject: () => {},
    });
    expect(keys).toEqual(['raw/café menu +1.csv', 'raw/ORDERS Q1.CSV']);
    expect(report).toMatchObject({ read: 3, kept: 2, dropped: { 'outside-filter': 1 }, failed: 0 });
  });

  it('resolves to nothing, as S3Handler expects, and hands the report to onReport', async () => {
    const { handler, reports } = reportingHandler(() => undefined);
    expect(await handler(created as S3Event)).toBeUndefined();
    expect(reports[0]).toMatchObject({ read: 1, kept: 1 });
  });

  it('rejects an object with its s3:// position', async () => {
    const rejections: Rejection[] = [];
    await processS3Event(encodedKeys, {
      ...quiet,
      process: ({ key }) => (key.endsWith('.CSV') ? rejected('empty-object', 'no header line') : undefined),
      onReject: (rejection) => void rejections.push(rejection),
    });
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
    const report = await processS3Event(invalidKey, {
      ...quiet,
      process: () => undefined,
      onReject: (r) => void rejections.push(r),
    });
    expect(rejections[0]).toMatchObject({ reason: 'invalid-key', raw: 'raw/bad%E9key.csv' });
    expect(report.rejected).toEqual({ 'invalid-key': 1 });
  });

  it('skips and counts records other than ObjectCreated:* without fetching them', async () => {
    const fetched: string[] = [];
    const report = await processS3Event(
      { Records: [...removed.Records, ...created.Records] },
      { ...quiet, process: ({ key }) => void fetched.push(key), onReject: () => {} },
    );
    expect(fetched).toEqual(['raw/orders-2025-01.csv']);
    expect(report).toMatchObject({ read: 2, kept: 1, dropped: { 'not-object-created': 1 } });
  });

  it('finishes the other objects, then throws so Lambda retries the event when one failed transiently', async () => {
    const keys: string[] = [];
    const { handler, reports } = reportingHandler(({ key }) => {
      keys.push(key);
      return key.startsWith('raw/caf') ? retryLater('store unavailable') : undefined;
    });
    const thrown = handler(encodedKeys as S3Event);
    await expect(thrown).rejects.toThrow(S3ObjectRetryError);
    await expect(thrown).rejects.toThrow('raw/café menu +1.csv (store unavailable)');
    expect(keys).toHaveLength(3);
    expect(reports[0]).toMatchObject({ kept: 2, failed: 1, failures: [{ id: 'raw/café menu +1.csv' }] });
  });

  it('rejects an object that was deleted (NoSuchKey) with its reason and never retries it', async () => {
    const rejections: Rejection[] = [];
    const { lines, logger } = logLines();
    const gone = Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
    const report = await processS3Event(created, {
      logger,
      process: () => Promise.reject(gone),
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(report).toMatchObject({ read: 1, rejected: { 'object-not-found': 1 }, failed: 0 });
    expect(rejections[0]).toMatchObject({
      reason: 'object-not-found',
      message: 'The specified key does not exist.',
    });
    expect(lines[0]).toMatchObject({
      level: 'WARN',
      reason: 'object-not-found',
      error: { name: 'NoSuchKey' },
    });
  });

  it('rejects a PermanentError with its own reason', async () => {
    const rejections: Rejection[] = [];
    await processS3Event(created, {
      ...quiet,
      process: () => {
        throw new PermanentError('missing-column', 'raw/orders-2025-01.csv has no status column');
      },
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(rejections.map((r) => r.reason)).toEqual(['missing-column']);
  });

  it('logs a transient failure with name, message, stack and the cause chain, then retries', async () => {
    const { lines, logger } = logLines();
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const failure = new Error('could not write processed/orders.csv', { cause });
    await expect(
      processS3Event(created, { logger, process: () => Promise.reject(failure), onReject: () => {} }),
    ).rejects.toThrow(S3ObjectRetryError);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 'ERROR',
      recordId: 'raw/orders-2025-01.csv',
      error: {
        name: 'Error',
        message: 'could not write processed/orders.csv',
        cause: { name: 'Error', message: 'socket hang up', code: 'ECONNRESET' },
      },
    });
    const error = line?.error as { stack: string; cause: { stack: string } };
    expect(error.stack).toContain('could not write processed/orders.csv');
    expect(error.cause.stack).toContain('socket hang up');
  });

  it('does not start an object when the invocation is nearly out of time, and throws so it is retried', async () => {
    let left = 60_000;
    const started: string[] = [];
    const { handler, reports } = reportingHandler(({ key }) => {
      started.push(key);
      left = 5_000;
    });
    const thrown = handler(
      encodedKeys as S3Event,
      fakeLambdaContext(() => left),
    );
    await expect(thrown).rejects.toThrow(S3ObjectRetryError);
    await expect(thrown).rejects.toMatchObject({ keys: ['raw/ORDERS Q1.CSV', 'rawdata/orders.csv'] });
    expect(started).toEqual(['raw/café menu +1.csv']);
    expect(reports[0]).toMatchObject({ read: 1, kept: 1, outOfTime: 2 });
  });
});
