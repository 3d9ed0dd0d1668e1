import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dropped, kept, type Rejection } from '../outcome/outcome.js';
import { jsonData } from './decoders.js';
import { FirehoseResponseTooLargeError, FirehoseRetryError, PermanentError } from './errors.js';
import type { FirehoseTransformationEvent } from './firehose-event.js';
import { firehoseTransformHandler, processFirehoseBatch } from './firehose-handler.js';
import clicks from './fixtures/events/firehose/clickstream-transformation.json' with { type: 'json' };
import { fakeLambdaContext } from './lambda-context.js';
import { jsonLogger } from './logger.js';
import { retryLater } from './verdict.js';

const Click = z.object({ element_clicked: z.string(), time_spent: z.number(), created_at: z.string() });
const ids = clicks.records.map((r) => r.recordId);
const quiet = { logger: jsonLogger({ write: () => {} }) };
const event = clicks as FirehoseTransformationEvent;

describe('firehoseTransformHandler', () => {
  it('answers every record in order: Ok with data and partition keys, ProcessingFailed for a rejection', async () => {
    const rejections: Rejection[] = [];
    const handler = firehoseTransformHandler({
      ...quiet,
      decode: jsonData(Click),
      process: (click) =>
        kept({ data: `${click.element_clicked}\n`, partitionKeys: { datehour: '2022/09/11/23' } }),
      onReject: (rejection) => void rejections.push(rejection),
    });
    const response = await handler(clicks as FirehoseTransformationEvent);
    expect(response.records.map((r) => [r.recordId, r.result])).toEqual([
      [ids[0], 'Ok'],
      [ids[1], 'ProcessingFailed'],
      [ids[2], 'Ok'],
    ]);
    expect(Buffer.from(response.records[0]!.data, 'base64').toString()).toBe('drink_3\n');
    expect(response.records[0]?.metadata).toEqual({ partitionKeys: { datehour: '2022/09/11/23' } });
    expect(response.records[1]?.data).toBe(clicks.records[1]?.data);
    expect(rejections[0]).toMatchObject({
      reason: 'invalid-json',
      position: { kind: 'message', messageId: ids[1] },
    });
  });

  it('answers a record with missing or null data ProcessingFailed, not a failed invocation', async () => {
    const [first, second, third] = clicks.records;
    const { data: _missing, ...withoutData } = second as NonNullable<typeof second>;
    const records = [first, withoutData, { ...third, data: null }];
    const rejections: Rejection[] = [];
    const processed: string[] = [];
    const { response, report } = await processFirehoseBatch(
      { ...clicks, records },
      {
        ...quiet,
        process: (record) => void processed.push(record.recordId),
        onReject: (rejection) => void rejections.push(rejection),
      },
    );
    expect(response.records.map((r) => [r.recordId, r.result, r.data])).toEqual([
      [ids[0], 'Ok', first?.data],
      [ids[1], 'ProcessingFailed', ''],
      [ids[2], 'ProcessingFailed', ''],
    ]);
    expect(processed).toEqual([ids[0]]);
    expect(rejections.map((r) => [r.reason, r.position])).toEqual([
      ['missing-data', { kind: 'message', messageId: ids[1] }],
      ['missing-data', { kind: 'message', messageId: ids[2] }],
    ]);
    expect(report).toMatchObject({ read: 3, kept: 1, rejected: { 'missing-data': 2 }, failed: 0 });
  });

  it('processFirehoseBatch maps dropped to Dropped, a retry to ProcessingFailed, nothing to an unchanged Ok', async () => {
    const verdicts = [dropped('bot'), retryLater('enrichment down'), undefined];
    const { response, report } = await processFirehoseBatch(clicks, {
      ...quiet,
      process: (record) => verdicts[ids.indexOf(record.recordId)],
    });
    expect(response.records.map((r) => r.result)).toEqual(['Dropped', 'ProcessingFailed', 'Ok']);
    expect(response.records[2]?.data).toBe(clicks.records[2]?.data);
    expect(report).toMatchObject({ read: 2, kept: 1, dropped: { bot: 1 }, failed: 1 });
  });

  it('refuses a response above Lambda’s 6 MB limit', async () => {
    const handler = firehoseTransformHandler({
      ...quiet,
      process: () => kept({ data: new Uint8Array(2_500_000) }),
    });
    await expect(handler(clicks as FirehoseTransformationEvent)).rejects.toThrow(
      FirehoseResponseTooLargeError,
    );
  });

  it('answers a permanent error ProcessingFailed, but fails the invocation on a transient one so Firehose retries the batch', async () => {
    const permanent = firehoseTransformHandler({
      ...quiet,
      process: () => {
        throw new PermanentError('unknown-menu', 'menu "x" is not served');
      },
    });
    expect((await permanent(event)).records.map((r) => r.result)).toEqual(Array(3).fill('ProcessingFailed'));
    const transient = firehoseTransformHandler({
      ...quiet,
      process: (record) => (record.recordId === ids[1] ? retryLater('enrichment service down') : undefined),
    });
    await expect(transient(event)).rejects.toThrow(FirehoseRetryError);
    await expect(transient(event)).rejects.toThrow(`${ids[1]} (enrichment service down)`);
  });

  it('fails the invocation when records could not be started in time, so Firehose retries the batch', async () => {
    let left = 20_000;
    const seen: string[] = [];
    const handler = firehoseTransformHandler({
      ...quiet,
      process: (record) => {
        seen.push(record.recordId);
        left = 1_000;
      },
    });
    const thrown = handler(
      event,
      fakeLambdaContext(() => left),
    );
    await expect(thrown).rejects.toThrow(FirehoseRetryError);
    await expect(thrown).rejects.toMatchObject({ invocation: { outOfTime: ids.slice(1) } });
    expect(seen).toEqual(ids.slice(0, 1));
  });
});
