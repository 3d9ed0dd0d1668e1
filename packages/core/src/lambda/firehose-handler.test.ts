import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dropped, kept, type Rejection } from '../outcome/outcome.js';
import { jsonData } from './decoders.js';
import { FirehoseResponseTooLargeError } from './errors.js';
import type { FirehoseTransformationEvent } from './firehose-event.js';
import { firehoseTransformHandler, processFirehoseBatch } from './firehose-handler.js';
import clicks from './fixtures/events/firehose/clickstream-transformation.json' with { type: 'json' };
import { retryLater } from './verdict.js';

const Click = z.object({ element_clicked: z.string(), time_spent: z.number(), created_at: z.string() });
const ids = clicks.records.map((r) => r.recordId);

describe('firehoseTransformHandler', () => {
  it('answers every record in order: Ok with data and partition keys, ProcessingFailed for a rejection', async () => {
    const rejections: Rejection[] = [];
    const handler = firehoseTransformHandler({
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

  it('maps dropped to Dropped, a retry to ProcessingFailed, nothing to an unchanged Ok', async () => {
    const verdicts = [dropped('bot'), retryLater('enrichment down'), undefined];
    const { response, report } = await processFirehoseBatch(clicks, {
      process: (record) => verdicts[ids.indexOf(record.recordId)],
    });
    expect(response.records.map((r) => r.result)).toEqual(['Dropped', 'ProcessingFailed', 'Ok']);
    expect(response.records[2]?.data).toBe(clicks.records[2]?.data);
    expect(report).toMatchObject({ read: 2, kept: 1, dropped: { bot: 1 }, failed: 1 });
  });

  it('refuses a response above Lambda’s 6 MB limit', async () => {
    const handler = firehoseTransformHandler({ process: () => kept({ data: new Uint8Array(2_500_000) }) });
    await expect(handler(clicks as FirehoseTransformationEvent)).rejects.toThrow(
      FirehoseResponseTooLargeError,
    );
  });
});
