import { describe, expect, it } from 'vitest';
import type { SqsEvent } from '../lambda/sqs-event.js';
import { sqsBatchHandler } from '../lambda/sqs-handler.js';
import { retryLater } from '../lambda/verdict.js';
import { manualClock } from './clock.js';
import { StreamRunnerOptionError } from './errors.js';
import { recording as recordingOf } from './recording-handler.js';
import { runSqsQueue, type SqsInput } from './sqs-runner.js';

const messages = (count: number): SqsInput[] => Array.from({ length: count }, (_, n) => ({ body: { n } }));
const messageIdOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const numbers = (event: SqsEvent) => event.Records.map((r) => (JSON.parse(r.body) as { n: number }).n);

const recording = (respond?: (event: SqsEvent, call: number) => unknown) => recordingOf<SqsEvent>(respond);

describe('runSqsQueue', () => {
  it('sends events as SQS does: a serialised copy carries every field, md5OfBody included', async () => {
    const seen: unknown[] = [];
    await runSqsQueue([{ body: 'hello' }], (event) => seen.push(JSON.parse(JSON.stringify(event))));
    expect(seen).toEqual([
      {
        Records: [
          {
            messageId: messageIdOf(1),
            receiptHandle: expect.any(String),
            body: 'hello',
            attributes: expect.objectContaining({ ApproximateReceiveCount: '1' }),
            messageAttributes: {},
            md5OfBody: '5d41402abc4b2a76b9719d911017c592',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:local-queue',
            awsRegion: 'us-east-1',
          },
        ],
      },
    ]);
  });

  it('redelivers only the failed messages, with ApproximateReceiveCount counting up', async () => {
    const handler = sqsBatchHandler({
      process: (m) =>
        m.body === '{"n":3}' && m.approximateReceiveCount === 1 ? retryLater('throttled') : undefined,
      onReject: () => {},
    });
    const seen = recording((event) => handler(event));
    const report = await runSqsQueue(messages(5), seen.handler, { batchSize: 5 });
    expect(seen.events.map(numbers)).toEqual([[0, 1, 2, 3, 4], [3]]);
    expect(seen.events[1]?.Records[0]?.attributes.ApproximateReceiveCount).toBe('2');
    expect(report).toMatchObject({
      invocations: 2,
      received: 5,
      delivered: 6,
      redelivered: 1,
      acknowledged: 5,
    });
    expect(report.deadLetters).toEqual([]);
  });

  it('dead-letters a message after maxReceiveCount failed deliveries and counts it', async () => {
    const handler = sqsBatchHandler({
      process: (m) => (m.body === '{"n":1}' ? retryLater('poison') : undefined),
      onReject: () => {},
    });
    const report = await runSqsQueue(messages(3), handler, { maxReceiveCount: 3 });
    expect(report).toMatchObject({
      invocations: 3,
      received: 3,
      acknowledged: 2,
      deadLettered: 1,
      redelivered: 2,
    });
    expect(report.deadLetters).toEqual([
      {
        record: { body: { n: 1 } },
        id: '00000000-0000-4000-8000-000000000002',
        attempts: 3,
        reason: 'batch-item-failure',
        error: 'poison',
      },
    ]);
  });

  it('gives a dead letter the error text of its last failure, not only "batch-item-failure"', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const handler = sqsBatchHandler({
      process: (m) => {
        if (m.body === '{"n":0}') throw throttled;
        if (m.body === '{"n":1}') return retryLater('notification-failed: InternalError', 'SNS is down');
        return m.body === '{"n":2}' ? retryLater('throttled', throttled) : undefined;
      },
      onReject: () => {},
      logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    const responses: unknown[] = [];
    const report = await runSqsQueue(
      messages(4),
      async (event) => responses[responses.push(await handler(event)) - 1],
      { maxReceiveCount: 2 },
    );
    expect(report.deadLetters.map((d) => [d.record.body, d.reason, d.error])).toEqual([
      [{ n: 0 }, 'batch-item-failure', 'ThrottlingException: Rate exceeded'],
      [{ n: 1 }, 'batch-item-failure', 'notification-failed: InternalError: SNS is down'],
      [{ n: 2 }, 'batch-item-failure', 'throttled: ThrottlingException: Rate exceeded'],
    ]);
    // What Lambda reads is unchanged: the text is not part of the JSON response.
    expect(JSON.stringify(responses[0])).toBe(
      JSON.stringify({ batchItemFailures: [1, 2, 3].map((n) => ({ itemIdentifier: messageIdOf(n) })) }),
    );
  });

  it('redelivers the whole batch when the handler throws, as Lambda does', async () => {
    const seen = recording((_, call) => {
      if (call === 1) throw new Error('cold start failed');
    });
    const report = await runSqsQueue(messages(3), seen.handler);
    expect(seen.events.flatMap(numbers)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(report).toMatchObject({ failedInvocations: 1, redelivered: 3, acknowledged: 3, deadLettered: 0 });
  });

  it('dead-letters with the error message when every delivery throws', async () => {
    const report = await runSqsQueue(messages(2), () => Promise.reject(new Error('table missing')), {
      maxReceiveCount: 2,
    });
    expect(report.deadLetters.map((d) => [d.attempts, d.reason, d.error])).toEqual([
      [2, 'handler-error', 'table missing'],
      [2, 'handler-error', 'table missing'],
    ]);
    expect(report).toMatchObject({ invocations: 2, acknowledged: 0, deadLettered: 2 });
  });

  it('fails the whole batch when the response names a message that is not in it', async () => {
    const seen = recording((_, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: 'nope' }] } : {},
    );
    const report = await runSqsQueue(messages(2), seen.handler);
    expect(report).toMatchObject({ invocations: 2, failedInvocations: 1, redelivered: 2, acknowledged: 2 });
  });

  it('splits into batches of batchSize and closes a partial batch when its window has passed', async () => {
    const clock = manualClock();
    async function* arrivals() {
      for (const [n, gap] of [0, 100, 100, 400, 100].entries()) {
        clock.advance(gap);
        yield { body: { n } };
      }
    }
    const windowed = recording();
    await runSqsQueue(arrivals(), windowed.handler, { batchWindowMs: 250, clock });
    expect(windowed.events.map(numbers)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    const sized = recording();
    await runSqsQueue(messages(25), sized.handler, { batchSize: 10 });
    expect(sized.events.map((e) => e.Records.length)).toEqual([10, 10, 5]);
  });

  it('reads the source lazily: no more than a batch is held before the handler runs', async () => {
    let yielded = 0;
    const heldAtInvocation: number[] = [];
    async function* source() {
      for (let n = 0; n < 30; n++) {
        yielded++;
        yield { body: { n } };
      }
    }
    await runSqsQueue(source(), () => void heldAtInvocation.push(yielded), { batchSize: 10 });
    expect(heldAtInvocation).toEqual([10, 20, 30]);
  });

  it('generates the same message ids, bodies and timestamps on every run', async () => {
    const first = recording();
    const second = recording();
    await runSqsQueue(messages(3), first.handler, { clock: manualClock(1_700_000_000_000) });
    await runSqsQueue(messages(3), second.handler, { clock: manualClock(1_700_000_000_000) });
    expect(second.events).toEqual(first.events);
    expect(first.events[0]?.Records[2]).toMatchObject({
      messageId: '00000000-0000-4000-8000-000000000003',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:local-queue',
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1700000000000' },
    });
  });

  it('waits redeliveryDelayMs on the injected clock before a redelivery', async () => {
    const clock = manualClock();
    const seen = recording((event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] } : {},
    );
    await runSqsQueue(messages(1), seen.handler, { redeliveryDelayMs: 30_000, clock });
    expect(clock.now()).toBe(30_000);
    expect(seen.events[1]?.Records[0]?.attributes.ApproximateFirstReceiveTimestamp).toBe('0');
  });

  it('refuses options that make no sense before reading anything', async () => {
    await expect(runSqsQueue(messages(1), () => {}, { batchSize: 0 })).rejects.toThrow(
      StreamRunnerOptionError,
    );
    await expect(runSqsQueue(messages(1), () => {}, { maxReceiveCount: 0 })).rejects.toThrow(
      'maxReceiveCount',
    );
  });
});
