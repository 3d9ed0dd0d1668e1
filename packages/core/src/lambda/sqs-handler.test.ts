import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Rejection } from '../outcome/outcome.js';
import { dropped, rejected } from '../outcome/outcome.js';
import { isBalanced } from '../outcome/report.js';
import { jsonBody } from './decoders.js';
import { PermanentError } from './errors.js';
import fifo from './fixtures/events/sqs/fifo-message-groups.json' with { type: 'json' };
import batch from './fixtures/events/sqs/transactions-batch.json' with { type: 'json' };
import { fakeLambdaContext } from './lambda-context.js';
import { jsonLogger } from './logger.js';
import type { SqsEvent, SqsMessage } from './sqs-event.js';
import { processSqsBatch, sqsBatchHandler } from './sqs-handler.js';
import { type BatchReport, retryLater } from './verdict.js';

const quiet = { logger: jsonLogger({ write: () => {} }) };

const Transaction = z.object({
  transaction_id: z.union([z.string(), z.number()]),
  product_name: z.string(),
  quantity: z.int(),
  unit_price: z.number(),
});

const [okId, retryId, truncatedId, schemaId] = batch.Records.map((r) => r.messageId);

describe('sqsBatchHandler', () => {
  it('reports only retried messages; rejects go to onReject with their position and are acknowledged', async () => {
    const rejections: Rejection[] = [];
    const reports: BatchReport[] = [];
    const handler = sqsBatchHandler({
      decode: jsonBody(Transaction),
      process: (tx) => (tx.transaction_id === 'T-1002' ? retryLater('throttled') : undefined),
      onReject: (rejection) => void rejections.push(rejection),
      onReport: (report) => void reports.push(report),
      ...quiet,
    });
    const response = await handler(batch as SqsEvent);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: retryId }] });
    expect(rejections.map((r) => [r.reason, r.position])).toEqual([
      ['invalid-json', { kind: 'message', messageId: truncatedId }],
      ['schema', { kind: 'message', messageId: schemaId }],
    ]);
    expect(rejections[1]?.message).toContain('quantity');
    expect(reports[0]).toMatchObject({
      read: 3,
      kept: 1,
      rejected: { 'invalid-json': 1, schema: 1 },
      failed: 1,
    });
    expect(reports[0]?.failures).toEqual([{ id: retryId, reason: 'throttled' }]);
    expect(isBalanced(reports[0]!)).toBe(true);
  });

  it('retries a message whose process throws, and keeps going with the rest', async () => {
    const boom = new Error('connection reset');
    const { response, report } = await processSqsBatch(batch, {
      ...quiet,
      process: (message) => {
        if (message.messageId === okId) throw boom;
        return message.messageId === retryId ? dropped('duplicate') : undefined;
      },
      onReject: () => {},
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: okId }]);
    expect(report).toMatchObject({ read: 3, kept: 2, dropped: { duplicate: 1 }, failed: 1 });
    expect(report.failures[0]).toEqual({ id: okId, reason: 'Error', cause: boom });
  });

  it('hands an explicit rejection to onReject with the raw body', async () => {
    const rejections: Rejection[] = [];
    await processSqsBatch(batch, {
      ...quiet,
      process: (message) =>
        message.messageId === okId ? rejected('conflict', 'same id, other content') : undefined,
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(rejections).toEqual([
      {
        reason: 'conflict',
        message: 'same id, other content',
        position: { kind: 'message', messageId: okId },
        raw: batch.Records[0]?.body,
      },
    ]);
  });

  it('retries a rejected message when the quarantine cannot take it, so nothing is lost', async () => {
    const { response, report } = await processSqsBatch(batch, {
      ...quiet,
      decode: jsonBody(Transaction),
      process: () => undefined,
      onReject: () => Promise.reject(new Error('quarantine bucket unavailable')),
    });
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([truncatedId, schemaId]);
    expect(report).toMatchObject({ read: 2, kept: 2, rejected: {}, failed: 2 });
  });

  it('on a FIFO queue, holds back the rest of a failed message group but not other groups', async () => {
    const seen: string[] = [];
    const process = (message: SqsMessage) => {
      seen.push(message.messageId);
      return message.messageGroupId === 'customer-a' ? retryLater('locked') : undefined;
    };
    const { response, report } = await processSqsBatch(fifo, { ...quiet, process, onReject: () => {} });
    const ids = fifo.Records.map((r) => r.messageId);
    expect(seen).toEqual([ids[0], ids[1], ids[3]]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([ids[0], ids[2]]);
    expect(report).toMatchObject({ kept: 2, failed: 1, deferred: 1 });
  });

  it('stops starting messages under the time margin and reports the untouched ones for redelivery', async () => {
    let left = 30_000;
    const seen: string[] = [];
    // Each message takes 12 of the 30 seconds left: after two, less than the 10-second margin is.
    const process = (message: SqsMessage) => {
      seen.push(message.messageId);
      left -= 12_000;
    };
    const context = fakeLambdaContext(() => left);
    const { response, report } = await processSqsBatch(
      batch,
      { ...quiet, process, onReject: () => {} },
      context,
    );
    expect(seen).toEqual([okId, retryId]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([truncatedId, schemaId]);
    expect(report).toMatchObject({ read: 2, kept: 2, failed: 0, outOfTime: 2 });
  });

  it('caps the margin at a quarter of the invocation, so a 3-second function still works', async () => {
    const { response } = await processSqsBatch(
      batch,
      { ...quiet, process: () => undefined, onReject: () => {} },
      fakeLambdaContext(() => 3_000),
    );
    expect(response.batchItemFailures).toEqual([]);
  });

  it('quarantines permanent errors with their reason and never retries them; transient ones are retried', async () => {
    const rejections: Rejection[] = [];
    const tooLarge = Object.assign(new Error('item is 512000 bytes, over 400 KB'), {
      name: 'ItemTooLargeError',
    });
    const invalid = new PermanentError('negative-price', 'unit_price -1 is below 0');
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const errors = new Map<string | undefined, Error>([
      [okId, tooLarge],
      [retryId, invalid],
      [truncatedId, throttled],
    ]);
    const { response, report } = await processSqsBatch(batch, {
      ...quiet,
      process: (message) => {
        const error = errors.get(message.messageId);
        if (error) throw error;
      },
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: truncatedId }]);
    expect(rejections.map((r) => [r.reason, r.message])).toEqual([
      ['item-too-large', 'item is 512000 bytes, over 400 KB'],
      ['negative-price', 'unit_price -1 is below 0'],
    ]);
    expect(report).toMatchObject({
      rejected: { 'item-too-large': 1, 'negative-price': 1 },
      failed: 1,
      kept: 1,
    });
  });

  it('writes the invocation report as one EMF line named after the function', async () => {
    const lines: string[] = [];
    const handler = sqsBatchHandler({
      ...quiet,
      decode: jsonBody(Transaction),
      process: (tx) => (tx.transaction_id === 'T-1002' ? retryLater('throttled') : undefined),
      onReject: () => {},
      metrics: {
        namespace: 'Shop',
        dimensions: { Pipeline: 'transactions' },
        write: (l) => void lines.push(l),
      },
    });
    await handler(
      batch as SqsEvent,
      fakeLambdaContext(() => 60_000, { functionName: 'process-transactions', awsRequestId: 'req-1' }),
    );
    expect(lines).toHaveLength(1);
    const document = JSON.parse(lines[0] ?? '');
    expect(document).toMatchObject({
      Handler: 'process-transactions',
      Pipeline: 'transactions',
      RequestId: 'req-1',
      RecordsRead: 3,
      RecordsKept: 1,
      RecordsDropped: 0,
      RecordsRejected: 2,
      RecordsFailed: 1,
      RecordsOutOfTime: 0,
      Rejected: { 'invalid-json': 1, schema: 1 },
    });
    expect(document._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'Shop',
      Dimensions: [['Handler', 'Pipeline']],
    });
  });
});
