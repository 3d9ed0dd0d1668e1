import { sleep } from '@sluice/core/retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineQuery } from '../define-query.js';
import { QueryExecutionError } from '../errors.js';
import { AthenaFake, type FakeOutcome } from '../testing/index.js';
import { AthenaDeadlineError, AthenaQueryError } from './errors.js';
import { type AthenaEngineOptions, createAthenaEngine } from './index.js';

const SQL = 'SELECT n FROM numbers';
const numbers = defineQuery({ name: 'numbers', sql: SQL, row: z.object({ n: z.number() }) });
const succeeded = (rows: string[][]): FakeOutcome => ({
  state: 'SUCCEEDED',
  columns: [{ name: 'n', type: 'integer' }],
  rows,
  dataScannedInBytes: 1234,
});

let fake: AthenaFake;
beforeEach(async () => {
  fake = new AthenaFake({ pageSize: 2 });
  await fake.start();
});
afterEach(() => fake.stop());

function engine(options: AthenaEngineOptions = {}) {
  const fast = { sleep: (_ms: number, signal?: AbortSignal) => sleep(0, signal), random: () => 0.5 };
  return createAthenaEngine({ client: fake.clientConfig(), ...fast, ...options });
}

describe('polling', () => {
  it('backs off exponentially while the query is QUEUED/RUNNING, then reads the result', async () => {
    fake.script(SQL, { runningPolls: 5, outcome: succeeded([['1']]) });
    const delays: number[] = [];
    const sleepSpy = (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    };
    const options = { pollBaseDelayMs: 100, pollMaxDelayMs: 500, sleep: sleepSpy };
    const result = await engine(options).run(numbers, {});
    expect(result.rows).toEqual([{ n: 1 }]);
    expect(fake.count('GetQueryExecution')).toBe(6);
    // random() = 0.5 of ceilings 100, 200, 400, 500 (capped), 500; never below 50 ms.
    expect(delays).toEqual([50, 100, 200, 250, 250]);
  });

  it("raises AthenaQueryError with Athena's category, type and retryability on FAILED", async () => {
    const reason = 'INTERNAL_ERROR_QUERY_ENGINE: Amazon Athena experienced an internal error';
    fake.script(SQL, {
      runningPolls: 1,
      outcome: { state: 'FAILED', reason, errorCategory: 1, errorType: 401, retryable: true },
    });
    const error = await engine()
      .run(numbers, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryError);
    expect(error).toBeInstanceOf(QueryExecutionError);
    const queryId = fake.calls.find((c) => c.operation === 'GetQueryExecution')?.input.QueryExecutionId;
    expect(error).toMatchObject({
      queryId,
      state: 'FAILED',
      stateChangeReason: reason,
      errorCategory: 1,
      errorType: 401,
      retryable: true,
    });
    expect((error as Error).message).toContain(`"numbers" (${queryId}) FAILED`);
    expect((error as Error).message).toContain('system error');
  });

  it('raises AthenaQueryError when the query is CANCELLED elsewhere', async () => {
    fake.script(SQL, { runningPolls: 2, outcome: { state: 'CANCELLED', reason: 'stopped by admin' } });
    await expect(engine().run(numbers, {})).rejects.toMatchObject({
      name: 'AthenaQueryError',
      state: 'CANCELLED',
      stateChangeReason: 'stopped by admin',
      retryable: false,
    });
  });

  it('stops the query on Athena when the caller aborts, and rejects with the reason', async () => {
    fake.script(SQL, { outcome: { state: 'RUNNING' } });
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const sleepThenAbort = (_ms: number, signal?: AbortSignal) => {
      if (fake.count('GetQueryExecution') === 2) controller.abort(reason);
      return sleep(0, signal);
    };
    const run = engine({ sleep: sleepThenAbort }).run(numbers, {}, { signal: controller.signal });
    await expect(run).rejects.toBe(reason);
    expect(fake.count('StopQueryExecution')).toBe(1);
    const stopped = fake.calls.find((c) => c.operation === 'StopQueryExecution')?.input.QueryExecutionId;
    expect(stopped).toBe(fake.calls.find((c) => c.operation === 'GetQueryExecution')?.input.QueryExecutionId);
  });

  it('stops the query and raises AthenaDeadlineError when it runs past the deadline', async () => {
    fake.script(SQL, { outcome: { state: 'RUNNING' } });
    let clock = 0;
    const options = {
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
      random: () => 1,
      pollBaseDelayMs: 1000,
      pollMaxDelayMs: 4000,
      deadlineMs: 10_000,
    };
    const error = await engine(options)
      .run(numbers, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaDeadlineError);
    expect((error as Error).message).toMatch(/did not finish within 10000 ms/);
    // Slept 1000 + 2000 + 4000 = 7000; the next 4000 would pass the deadline.
    expect(fake.count('GetQueryExecution')).toBe(4);
    expect(fake.count('StopQueryExecution')).toBe(1);
  });
});

describe('results', () => {
  it('pages through GetQueryResults, skipping the header row on the first page only', async () => {
    fake.script(SQL, { outcome: succeeded([['1'], ['2'], ['3'], ['4'], ['5']]) });
    const result = await engine().run(numbers, {});
    expect(result.rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(fake.count('GetQueryResults')).toBe(3);
    expect(result.columns).toEqual([{ name: 'n', type: 'integer' }]);
  });

  it('streams rows page by page, fetching the next page only when needed', async () => {
    fake.script(SQL, { outcome: succeeded([['1'], ['2'], ['3'], ['4'], ['5']]) });
    const pagesFetched: number[] = [];
    for await (const _ of engine().stream(numbers, {})) pagesFetched.push(fake.count('GetQueryResults'));
    expect(pagesFetched).toEqual([1, 2, 2, 3, 3]);
  });

  it('does not skip a first row for DDL/utility statements, which have no header', async () => {
    const outcome: FakeOutcome = {
      state: 'SUCCEEDED',
      statementType: 'UTILITY',
      columns: [{ name: 'tab_name', type: 'string' }],
      rows: [['orders'], ['clicks']],
    };
    fake.script('SHOW TABLES', { outcome });
    const result = await engine().execute('SHOW TABLES');
    expect(result.rows).toEqual([{ tab_name: 'orders' }, { tab_name: 'clicks' }]);
  });

  it('reports scanned bytes, engine time and cost with the 10 MB minimum', async () => {
    fake.script(SQL, { outcome: { ...succeeded([['1']]), engineExecutionTimeInMillis: 321 } as FakeOutcome });
    const { stats } = await engine().run(numbers, {});
    const queryId = fake.calls.find((c) => c.operation === 'GetQueryExecution')?.input.QueryExecutionId;
    expect(stats).toEqual({
      engine: 'athena',
      queryId,
      elapsedMs: 321,
      bytesScanned: 1234,
      costUsd: (10 * 2 ** 20 * 5) / 2 ** 40,
    });
  });
});
