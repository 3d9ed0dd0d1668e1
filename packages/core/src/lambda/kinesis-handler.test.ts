import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Rejection } from '../outcome/outcome.js';
import { jsonData } from './decoders.js';
import readings from './fixtures/events/kinesis/machine-readings.json' with { type: 'json' };
import type { KinesisEvent } from './kinesis-event.js';
import { kinesisBatchHandler, processKinesisBatch } from './kinesis-handler.js';
import { fakeLambdaContext } from './lambda-context.js';
import { jsonLogger } from './logger.js';
import { retryLater } from './verdict.js';

const Reading = z.object({ machine_id: z.string(), temperature: z.number() });
const sequence = readings.Records.map((r) => r.kinesis.sequenceNumber);
const quiet = { logger: jsonLogger({ write: () => {} }) };

describe('kinesisBatchHandler', () => {
  it('acknowledges ok and rejected records and reports nothing when none failed', async () => {
    const rejections: Rejection[] = [];
    const seen: string[] = [];
    const handler = kinesisBatchHandler({
      ...quiet,
      decode: jsonData(Reading),
      process: (reading) => void seen.push(reading.machine_id),
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(await handler(readings as KinesisEvent)).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(['M-001', 'M-002']);
    expect(rejections.map((r) => [r.reason, r.position])).toEqual([
      [
        'invalid-base64',
        { kind: 'stream', stream: 'machine-readings', sequenceNumber: sequence[1], partitionKey: 'M-003' },
      ],
      [
        'invalid-json',
        { kind: 'stream', stream: 'machine-readings', sequenceNumber: sequence[2], partitionKey: 'M-003' },
      ],
    ]);
  });

  it('stops at the first failed record and reports its sequence number; later records are deferred', async () => {
    const seen: string[] = [];
    const { response, report } = await processKinesisBatch(readings, {
      ...quiet,
      process: (record) => {
        seen.push(record.sequenceNumber);
        return record.sequenceNumber === sequence[1] ? retryLater('downstream throttled') : undefined;
      },
      onReject: () => {},
    });
    expect(seen).toEqual(sequence.slice(0, 2));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: sequence[1] }] });
    expect(report).toMatchObject({ read: 1, kept: 1, failed: 1, deferred: 2 });
  });

  it('keeps rejections made before a failure (they are behind the checkpoint) and reports the thrown record', async () => {
    const rejections: Rejection[] = [];
    const { response, report } = await processKinesisBatch(readings, {
      ...quiet,
      decode: jsonData(Reading),
      process: (reading) => {
        if (reading.machine_id === 'M-002') throw new Error('timeout');
      },
      onReject: (rejection) => void rejections.push(rejection),
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: sequence[3] }]);
    expect(rejections).toHaveLength(2);
    expect(report).toMatchObject({
      read: 3,
      kept: 1,
      rejected: { 'invalid-base64': 1, 'invalid-json': 1 },
      failed: 1,
    });
  });

  it('under the time margin, reports the first untouched record so Lambda resumes the shard there', async () => {
    let left = 40_000;
    const seen: string[] = [];
    const { response, report } = await processKinesisBatch(
      readings,
      {
        ...quiet,
        process: (record) => {
          seen.push(record.sequenceNumber);
          left -= 15_000;
        },
        onReject: () => {},
      },
      fakeLambdaContext(() => left),
    );
    expect(seen).toEqual(sequence.slice(0, 2));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: sequence[2] }] });
    expect(report).toMatchObject({ read: 2, kept: 2, failed: 0, deferred: 0, outOfTime: 2 });
  });
});
