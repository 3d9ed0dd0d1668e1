import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Rejection } from '../outcome/outcome.js';
import { dropped, rejected } from '../outcome/outcome.js';
import { isBalanced } from '../outcome/report.js';
import { jsonBody } from './decoders.js';
import fifo from './fixtures/events/sqs/fifo-message-groups.json' with { type: 'json' };
import batch from './fixtures/events/sqs/transactions-batch.json' with { type: 'json' };
import type { SqsEvent } from './sqs-event.js';
import { processSqsBatch, sqsBatchHandler } from './sqs-handler.js';
import { type BatchReport, retryLater } from './verdict.js';

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
      decode: jsonBody(Transaction),
      process: () => undefined,
      onReject: () => Promise.reject(new Error('quarantine bucket unavailable')),
    });
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([truncatedId, schemaId]);
    expect(report).toMatchObject({ read: 2, kept: 2, rejected: {}, failed: 2 });
  });

  it('on a FIFO queue, holds back the rest of a failed message group but not other groups', async () => {
    const seen: string[] = [];
    const { response, report } = await processSqsBatch(fifo, {
      process: (message) => {
        seen.push(message.messageId);
        return message.messageGroupId === 'customer-a' ? retryLater('locked') : undefined;
      },
      onReject: () => {},
    });
    const ids = fifo.Records.map((r) => r.messageId);
    expect(seen).toEqual([ids[0], ids[1], ids[3]]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([ids[0], ids[2]]);
    expect(report).toMatchObject({ kept: 2, failed: 1, deferred: 1 });
  });
});
