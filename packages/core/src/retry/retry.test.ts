import { describe, expect, it } from 'vitest';
import { RetryExhaustedError } from './errors.js';
import { backoffDelay, isRetryableError, retry, sleep } from './retry.js';

const throttled = () => Object.assign(new Error('slow down'), { name: 'ThrottlingException' });

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('backoffDelay', () => {
  it('draws full jitter below an exponentially growing, capped ceiling', () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((attempt) =>
      backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 }),
    );
    expect(ceilings).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { baseDelayMs: 100, random: () => 0 })).toBe(0);
  });
});

describe('retry', () => {
  it('retries throttling until it succeeds, sleeping with jitter between attempts', async () => {
    const time = fakeTime();
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 3) throw throttled();
        return 'done';
      },
      { ...time, random: () => 0.5, baseDelayMs: 100 },
    );
    expect(result).toBe('done');
    expect(time.sleeps).toEqual([50, 100]);
  });

  it('never retries a validation error', async () => {
    let calls = 0;
    const validation = Object.assign(new Error('bad input'), {
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      retry(async () => {
        calls++;
        throw validation;
      }),
    ).rejects.toBe(validation);
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts with the last error as cause', async () => {
    const time = fakeTime();
    const error = await retry(() => Promise.reject(throttled()), { ...time, maxAttempts: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as RetryExhaustedError).attempts).toBe(4);
    expect((error as Error).cause).toMatchObject({ name: 'ThrottlingException' });
    expect(time.sleeps).toHaveLength(3);
  });

  it('stops at the deadline instead of sleeping past it', async () => {
    const time = fakeTime();
    const error = await retry(() => Promise.reject(throttled()), {
      ...time,
      maxAttempts: 100,
      baseDelayMs: 1000,
      random: () => 0.9,
      deadlineMs: 5000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(time.now()).toBeLessThanOrEqual(5000);
  });

  it('aborts a pending sleep when the signal fires', async () => {
    const controller = new AbortController();
    const run = retry(() => Promise.reject(throttled()), {
      signal: controller.signal,
      baseDelayMs: 60_000,
      random: () => 1,
    });
    setTimeout(() => controller.abort(new Error('cancelled by caller')), 5);
    await expect(run).rejects.toThrow('cancelled by caller');
  });
});

describe('isRetryableError', () => {
  it.each([
    [throttled(), true],
    [{ name: 'ProvisionedThroughputExceededException' }, true],
    [{ $metadata: { httpStatusCode: 503 } }, true],
    [{ $metadata: { httpStatusCode: 429 } }, true],
    [{ $retryable: { throttling: true } }, true],
    [{ code: 'ECONNRESET' }, true],
    [{ name: 'ValidationException', $metadata: { httpStatusCode: 400 } }, false],
    [{ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }, false],
    [new TypeError('bug'), false],
    ['text', false],
  ])('%o → %s', (error, expected) => {
    expect(isRetryableError(error)).toBe(expected);
  });
});

describe('sleep', () => {
  it('rejects at once when the signal is already aborted', async () => {
    await expect(sleep(10, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
