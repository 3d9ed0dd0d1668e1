import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { bindParams, dateParam, defineQuery, sqlDate, validateRow, validateRows } from './define-query.js';
import { QueryDefinitionError, QueryParamsError, QueryRowError, SqlDateError } from './errors.js';
import type { QueryDefinition, SqlDate } from './query.js';

const row = z.object({ orderid: z.number(), status: z.string() });

describe('defineQuery', () => {
  it('rewrites named placeholders to positional ones and records the binding order', () => {
    const query = defineQuery({
      name: 'between',
      sql: 'SELECT * FROM orders WHERE orderdate BETWEEN :from AND :to OR updated >= :from',
      params: { from: dateParam(), to: dateParam() },
      row,
    });
    expect(query.sql).toBe('SELECT * FROM orders WHERE orderdate BETWEEN ? AND ? OR updated >= ?');
    expect(query.paramOrder).toEqual(['from', 'to', 'from']);
  });

  it('infers the params and row types from the schemas', () => {
    const fields = defineQuery({
      name: 'q',
      sql: 'SELECT :from, :status',
      params: { from: dateParam(), status: z.string() },
      row,
    });
    expectTypeOf(fields).toEqualTypeOf<
      QueryDefinition<{ from: SqlDate; status: string }, { orderid: number; status: string }>
    >();
    const whole = defineQuery({ name: 'q', sql: 'SELECT :n', params: z.object({ n: z.number() }), row });
    expectTypeOf(whole).toEqualTypeOf<QueryDefinition<{ n: number }, { orderid: number; status: string }>>();
  });

  it('leaves colons inside literals, quoted identifiers, comments and :: casts alone', () => {
    const sql = `SELECT ':nope', "a:b", x::int -- :comment\n/* :block */ FROM t WHERE s = :status`;
    const query = defineQuery({ name: 'q', sql, params: { status: z.string() }, row });
    expect(query.sql).toBe(`SELECT ':nope', "a:b", x::int -- :comment\n/* :block */ FROM t WHERE s = ?`);
    expect(query.paramOrder).toEqual(['status']);
  });

  it('handles doubled quotes inside string literals', () => {
    const query = defineQuery({
      name: 'q',
      sql: "SELECT 'it''s :x' WHERE a = :a",
      params: { a: z.string() },
      row,
    });
    expect(query.paramOrder).toEqual(['a']);
  });

  it('rejects a placeholder without a param', () => {
    const define = () => defineQuery({ name: 'q', sql: 'SELECT :missing', params: { a: z.string() }, row });
    expect(define).toThrow(QueryDefinitionError);
    expect(define).toThrow(/missing/);
  });

  it('rejects placeholders when no params are declared', () => {
    expect(() => defineQuery({ name: 'q', sql: 'SELECT :a', row })).toThrow(
      /placeholders without a param: a/,
    );
  });

  it('rejects a declared param the SQL never uses', () => {
    expect(() => defineQuery({ name: 'q', sql: 'SELECT 1', params: { a: z.string() }, row })).toThrow(
      /params never used: a/,
    );
  });

  it('rejects positional ? so binding order is never implicit', () => {
    expect(() => defineQuery({ name: 'q', sql: 'SELECT ?', row })).toThrow(QueryDefinitionError);
  });

  it('accepts a whole-object zod schema and checks its keys', () => {
    const params = z.object({ status: z.string() });
    expect(defineQuery({ name: 'q', sql: 'SELECT :status', params, row }).paramOrder).toEqual(['status']);
    expect(() => defineQuery({ name: 'q', sql: 'SELECT :other', params, row })).toThrow(/other/);
  });
});

describe('bindParams', () => {
  it('validates and orders the values, converting date strings to SQL dates', async () => {
    const query = defineQuery({
      name: 'q',
      sql: 'SELECT :day, :status, :day',
      params: { day: dateParam(), status: z.string() },
      row,
    });
    const values = await bindParams(query, { day: sqlDate('2025-01-31'), status: 'pending' });
    expect(values).toEqual([sqlDate('2025-01-31'), 'pending', sqlDate('2025-01-31')]);
    // dateParam also takes the plain string at run time
    const fromString = await bindParams(query, { day: '2025-02-01' as never, status: 'x' });
    expect(fromString[0]).toEqual(sqlDate('2025-02-01'));
  });

  it('names the query and field when a param fails its schema', async () => {
    const query = defineQuery({
      name: 'by_status',
      sql: 'SELECT :status',
      params: { status: z.string() },
      row,
    });
    const error = await bindParams(query, { status: 42 as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryParamsError);
    expect((error as Error).message).toMatch(/by_status.*status/);
  });

  it('rejects NaN and Infinity, which no engine can bind faithfully', async () => {
    const query = defineQuery({ name: 'q', sql: 'SELECT :n', params: { n: z.number() }, row });
    await expect(bindParams(query, { n: Number.POSITIVE_INFINITY })).rejects.toThrow(QueryParamsError);
  });

  it('works with any Standard Schema, not only zod', async () => {
    const positive: StandardSchemaV1<unknown, number> = {
      '~standard': {
        version: 1,
        vendor: 'hand-written',
        validate: (x) =>
          typeof x === 'number' && x > 0 ? { value: x } : { issues: [{ message: 'not > 0' }] },
      },
    };
    const query = defineQuery({ name: 'q', sql: 'SELECT :n', params: { n: positive }, row });
    expect(await bindParams(query, { n: 3 })).toEqual([3]);
    await expect(bindParams(query, { n: 'x' as never })).rejects.toThrow(QueryParamsError);
  });

  it('rejects impossible dates', async () => {
    expect(() => sqlDate('2025-02-30')).toThrow(SqlDateError);
    const query = defineQuery({ name: 'q', sql: 'SELECT :d', params: { d: dateParam() }, row });
    await expect(bindParams(query, { d: '2025-02-30' as never })).rejects.toThrow(QueryParamsError);
  });
});

describe('validateRow', () => {
  const query = defineQuery({ name: 'orders', sql: 'SELECT 1', row });

  it('returns the typed row', async () => {
    expect(await validateRow(query, { orderid: 1, status: 'ok' }, 0)).toEqual({ orderid: 1, status: 'ok' });
  });

  it('names the query, row index and field of a failing row', async () => {
    const error = await validateRow(query, { orderid: '1', status: 'ok' }, 7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRowError);
    expect(error).toMatchObject({ queryName: 'orders', rowIndex: 7, field: 'orderid' });
    expect((error as Error).message).toMatch(/query "orders": row 7, field orderid/);
  });
});

describe('validateRows', () => {
  const query = defineQuery({ name: 'orders', sql: 'SELECT 1', row });

  it('returns the typed rows in order', async () => {
    const raws = [
      { orderid: 1, status: 'ok' },
      { orderid: 2, status: 'late' },
    ];
    expect(await validateRows(query, raws, 0)).toEqual(raws);
  });

  it('numbers a failing row from the first index of the batch', async () => {
    const raws = [
      { orderid: 1, status: 'ok' },
      { orderid: '2', status: 'ok' },
    ];
    const error = await validateRows(query, raws, 2048).catch((e: unknown) => e);
    expect(error).toMatchObject({ queryName: 'orders', rowIndex: 2049, field: 'orderid' });
  });

  it('awaits a schema that validates asynchronously', async () => {
    const asyncRow: StandardSchemaV1<unknown, { n: number }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) =>
          typeof (value as { n?: unknown }).n === 'number'
            ? { value: value as { n: number } }
            : { issues: [{ message: 'not a number', path: ['n'] }] },
      },
    };
    const asyncQuery = defineQuery({ name: 'async', sql: 'SELECT 1', row: asyncRow });
    expect(await validateRows(asyncQuery, [{ n: 1 }], 0)).toEqual([{ n: 1 }]);
    await expect(validateRows(asyncQuery, [{ n: 'x' }], 0)).rejects.toMatchObject({
      rowIndex: 0,
      field: 'n',
    });
  });
});
