import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBody, jsonData } from '../lambda/decoders.js';
import { kinesisBatchHandler } from '../lambda/kinesis-handler.js';
import { sqsBatchHandler } from '../lambda/sqs-handler.js';
import { retryLater } from '../lambda/verdict.js';
import { runKinesisStream } from './kinesis-runner.js';
import type { StreamRunReport } from './report.js';
import { runSqsQueue } from './sqs-runner.js';

interface Scenario {
  /** How many times each record fails before it succeeds. */
  failuresBefore: number[];
  /** Invocation numbers (1-based) whose handler throws before processing anything. */
  throwingCalls: Set<number>;
  batchSize: number;
  maxAttempts: number;
}

const scenario = fc.record({
  failuresBefore: fc.array(fc.nat({ max: 4 }), { maxLength: 40 }),
  throwingCalls: fc
    .uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 5 })
    .map((calls) => new Set(calls)),
  batchSize: fc.integer({ min: 1, max: 8 }),
  maxAttempts: fc.integer({ min: 1, max: 4 }),
});

/** The per-record function: fails each record its scripted number of times, counts successes. */
function scripted(s: Scenario) {
  const tries = new Map<number, number>();
  const successes = new Map<number, number>();
  const process = ({ n }: { n: number }) => {
    const attempt = (tries.get(n) ?? 0) + 1;
    tries.set(n, attempt);
    if (attempt <= (s.failuresBefore[n] ?? 0)) return retryLater('transient');
    successes.set(n, (successes.get(n) ?? 0) + 1);
  };
  let calls = 0;
  const throwing =
    <E>(handler: (event: E) => Promise<unknown>) =>
    (event: E) => {
      calls++;
      return s.throwingCalls.has(calls) ? Promise.reject(new Error(`call ${calls} failed`)) : handler(event);
    };
  return { process, successes, throwing };
}

function expectNothingLost(s: Scenario, report: StreamRunReport<unknown>, successes: Map<number, number>) {
  const total = s.failuresBefore.length;
  const dead = new Set(report.deadLetters.map((d) => (d.record as { n: number }).n));
  for (let n = 0; n < total; n++) expect(successes.get(n) ?? 0).toBe(dead.has(n) ? 0 : 1);
  expect(report.deadLetters).toHaveLength(dead.size);
  expect(report.received).toBe(total);
  expect(report.acknowledged + report.deadLettered).toBe(total);
  expect(report.delivered).toBe(report.received + report.redelivered);
}

describe('stream runner delivery guarantees', () => {
  it('SQS: every message succeeds exactly once or is dead-lettered, whatever fails transiently', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { process, successes, throwing } = scripted(s);
        const handler = sqsBatchHandler({
          decode: jsonBody<{ n: number }>(),
          process: (m) => process(m),
          onReject: () => {},
        });
        const input = s.failuresBefore.map((_, n) => ({ body: { n } }));
        const options = { batchSize: s.batchSize, maxReceiveCount: s.maxAttempts };
        const report = await runSqsQueue(input, throwing(handler), options);
        const unwrapped = {
          ...report,
          deadLetters: report.deadLetters.map((d) => ({ ...d, record: d.record.body })),
        };
        expectNothingLost(s, unwrapped, successes);
        if (s.throwingCalls.size === 0) {
          const dead = s.failuresBefore.flatMap((f, n) => (f >= s.maxAttempts ? [n] : []));
          expect(unwrapped.deadLetters.map((d) => (d.record as { n: number }).n)).toEqual(dead);
        }
      }),
    );
  });

  it('Kinesis: every record succeeds exactly once or is dead-lettered, in order per shard', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { process, successes, throwing } = scripted(s);
        const order: number[] = [];
        const handler = kinesisBatchHandler({
          decode: jsonData<{ n: number }>(),
          process: (r) => {
            const verdict = process(r);
            if (!verdict) order.push(r.n);
            return verdict;
          },
          onReject: () => {},
        });
        const input = s.failuresBefore.map((_, n) => ({ partitionKey: 'one-shard', data: { n } }));
        const options = { batchSize: s.batchSize, maxRetryAttempts: s.maxAttempts - 1 };
        const report = await runKinesisStream(input, throwing(handler), options);
        const unwrapped = {
          ...report,
          deadLetters: report.deadLetters.map((d) => ({ ...d, record: d.record.data })),
        };
        expectNothingLost(s, unwrapped, successes);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });
});
