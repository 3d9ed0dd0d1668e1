import { AthenaClient } from '@aws-sdk/client-athena';
import { RetryExhaustedError, sleep } from '@sluice/core/retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { dateParam, defineQuery, sqlDate } from '../define-query.js';
import { AthenaFake, type FakeOutcome } from '../testing/index.js';
import { AthenaRequestError } from './errors.js';
import { type AthenaEngineOptions, createAthenaEngine } from './index.js';

const SQL = 'SELECT n FROM numbers WHERE day = ? AND label = ?';
const numbers = defineQuery({
  name: 'numbers_on_day',
  sql: 'SELECT n FROM numbers WHERE day = :day AND label = :label',
  params: { day: dateParam(), label: z.string() },
  row: z.object({ n: z.number() }),
});
const params = { day: sqlDate('2025-01-31'), label: "it's" };
const one: FakeOutcome = { state: 'SUCCEEDED', columns: [{ name: 'n', type: 'integer' }], rows: [['1']] };

let fake: AthenaFake;
beforeEach(async () => {
  fake = new AthenaFake();
  await fake.start();
  fake.script(SQL, { runningPolls: 1, outcome: one });
});
afterEach(() => fake.stop());

function engine(options: AthenaEngineOptions = {}) {
  const fast = { sleep: (_ms: number, signal?: AbortSignal) => sleep(0, signal) };
  return createAthenaEngine({ client: fake.clientConfig(), ...fast, ...options });
}

describe('StartQueryExecution', () => {
  it('sends workgroup, output location, database, catalog and the bound parameters', async () => {
    const options = {
      workGroup: 'analytics',
      outputLocation: 's3://b/results/',
      database: 'sales',
      catalog: 'lake',
    };
    await engine(options).run(numbers, params);
    expect(fake.started).toEqual([
      expect.objectContaining({
        sql: SQL,
        parameters: ["DATE '2025-01-31'", "'it''s'"],
        workGroup: 'analytics',
        outputLocation: 's3://b/results/',
        database: 'sales',
        catalog: 'lake',
      }),
    ]);
  });

  it('sends a random ClientRequestToken per run by default', async () => {
    await engine().run(numbers, params);
    await engine().run(numbers, params);
    const [a, b] = fake.started.map((r) => r.clientRequestToken);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('derives the token from query and params when idempotent, re-attaching to the same execution', async () => {
    const first = await engine({ idempotent: true }).run(numbers, params);
    const again = await engine({ idempotent: true }).run(numbers, params);
    const other = await engine({ idempotent: true }).run(numbers, { ...params, label: 'other' });
    expect(again.stats.queryId).toBe(first.stats.queryId);
    expect(other.stats.queryId).not.toBe(first.stats.queryId);
    const tokens = fake.calls
      .filter((c) => c.operation === 'StartQueryExecution')
      .map((c) => c.input.ClientRequestToken);
    expect(tokens[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it('accepts a ready AthenaClient', async () => {
    const client = new AthenaClient(fake.clientConfig());
    const { rows } = await createAthenaEngine({ client }).run(numbers, params);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('surfaces a refused request as AthenaRequestError without retrying it', async () => {
    fake.failNext('StartQueryExecution', 1, 'InvalidRequestException');
    const error = await engine()
      .run(numbers, params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaRequestError);
    expect((error as Error).message).toMatch(/numbers_on_day.*InvalidRequestException/);
    expect(fake.count('StartQueryExecution')).toBe(1);
  });
});

describe('the fake keeps the engine honest', () => {
  it('fails a query whose parameter count does not match its placeholders, as Athena does', async () => {
    const error = await engine()
      .execute('SELECT ? AS x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AthenaQueryError', errorCategory: 2 });
    expect((error as Error).message).toMatch(/Incorrect number of parameters: expected 1 but found 0/);
  });
});

describe('throttling', () => {
  it('retries every call Athena throttles, keeping the same ClientRequestToken', async () => {
    fake.failNext('StartQueryExecution', 2);
    fake.failNext('GetQueryExecution', 2, 'ThrottlingException');
    fake.failNext('GetQueryResults', 1);
    const { rows } = await engine().run(numbers, params);
    expect(rows).toEqual([{ n: 1 }]);
    expect(fake.count('StartQueryExecution')).toBe(3);
    expect(fake.count('GetQueryExecution')).toBe(2 + 2);
    expect(fake.count('GetQueryResults')).toBe(2);
    const tokens = new Set(
      fake.calls.filter((c) => c.operation === 'StartQueryExecution').map((c) => c.input.ClientRequestToken),
    );
    expect(tokens.size).toBe(1);
  });

  it('gives up after maxAttempts', async () => {
    fake.failNext('StartQueryExecution', 5);
    const run = engine({ maxAttempts: 3 }).run(numbers, params);
    await expect(run).rejects.toBeInstanceOf(RetryExhaustedError);
    await expect(run).rejects.toThrow(/gave up after 3 attempts/);
    expect(fake.count('StartQueryExecution')).toBe(3);
  });
});

describe('decoding through the SDK', () => {
  it('decodes every Athena type in a real GetQueryResults response', async () => {
    const columns = [
      ['s', 'varchar', 'héllo'],
      ['i', 'integer', '42'],
      ['big', 'bigint', '9223372036854775807'],
      ['d', 'double', 'NaN'],
      ['dec', 'decimal', '1234567890123456789.01'],
      ['b', 'boolean', 'true'],
      ['day', 'date', '2025-01-31'],
      ['ts', 'timestamp', '2025-01-31 23:59:59.999'],
      ['tz', 'timestamp with time zone', '2025-01-31 23:59:59.999 UTC'],
      ['arr', 'array', '[x, y]'],
      ['m', 'map', '{k=v}'],
      ['r', 'row', '{a=1, b=[2]}'],
      ['j', 'json', '{"a":1}'],
      ['nothing', 'varchar', null],
    ] as const;
    const outcome: FakeOutcome = {
      state: 'SUCCEEDED',
      columns: columns.map(([name, type]) => ({ name, type })),
      rows: [columns.map(([, , value]) => value)],
    };
    fake.script('SELECT * FROM every_type', { outcome });
    const { rows } = await engine().execute('SELECT * FROM every_type');
    expect(rows).toEqual([
      {
        s: 'héllo',
        i: 42,
        big: 9223372036854775807n,
        d: Number.NaN,
        dec: '1234567890123456789.01',
        b: true,
        day: '2025-01-31',
        ts: new Date('2025-01-31T23:59:59.999Z'),
        tz: new Date('2025-01-31T23:59:59.999Z'),
        arr: ['x', 'y'],
        m: { k: 'v' },
        r: { a: '1', b: ['2'] },
        j: { a: 1 },
        nothing: null,
      },
    ]);
  });
});
