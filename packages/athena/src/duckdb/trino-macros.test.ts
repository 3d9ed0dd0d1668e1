import { describe, expect, it } from 'vitest';
import { UnsupportedDateFormatError, UnsupportedFunctionError } from './errors.js';
import { duckDbEngineForTests } from './fixtures/engine-for-tests.js';

describe('Trino functions on DuckDB', () => {
  const engine = duckDbEngineForTests();

  const value = async (expression: string): Promise<unknown> => {
    const { rows } = await engine.execute(`SELECT ${expression} AS v`);
    return rows[0]?.v;
  };

  it.each([
    ["date_parse('2025-02-03 14:05:09', '%Y-%m-%d %H:%i:%s')", new Date('2025-02-03T14:05:09Z')],
    ["date_parse('3/2/2025 2:05 PM', '%e/%c/%Y %l:%i %p')", new Date('2025-02-03T14:05:00Z')],
    ["date_format(TIMESTAMP '2025-02-03 14:05:09', '%W %M %e, %Y %T')", 'Monday February 3, 2025 14:05:09'],
    [
      "date_format(TIMESTAMP '2025-02-03 14:05:09', '%a %b %d %h:%i %p, day %j, %y')",
      'Mon Feb 03 02:05 PM, day 034, 25',
    ],
    ["date_format(DATE '2025-02-03', '%Y-%m')", '2025-02'],
    ["from_iso8601_timestamp('2022-09-11T23:00:00+02:00')", new Date('2022-09-11T21:00:00Z')],
    ["from_iso8601_date('2022-09-11')", '2022-09-11'],
    ["day_of_week(DATE '2025-02-02')", 7],
    ["dow(DATE '2025-02-03')", 1],
    ["day_of_year(DATE '2025-02-03')", 34],
    ["to_unixtime(TIMESTAMP '2020-01-01 00:00:01')", 1577836801],
    ['from_unixtime(1577836801)', new Date('2020-01-01T00:00:01Z')],
    ["date_add('day', 1, DATE '2025-01-31')", '2025-02-01'],
    ["date_add('month', 1, DATE '2025-01-31')", '2025-02-28'],
    ["date_add('hour', -2, TIMESTAMP '2025-01-01 01:00:00')", new Date('2024-12-31T23:00:00Z')],
    // Trino counts whole units elapsed, not boundaries crossed.
    ["date_diff('day', TIMESTAMP '2025-01-01 23:00:00', TIMESTAMP '2025-01-02 01:00:00')", 0],
    ["date_diff('day', DATE '2025-01-01', DATE '2025-03-01')", 59],
    ["regexp_like('drink_3', '^drink_\\d+$')", true],
    ["array_join(ARRAY['a', 'b', 'c'], '-')", 'a-b-c'],
    ["array_join(ARRAY['a', NULL, 'c'], ',', 'n/a')", 'a,n/a,c'],
    ['cardinality(ARRAY[1, 2, 3])', 3],
    ['array_max(ARRAY[4, 9, 2])', 9],
    ['json_extract_scalar(\'{"a":{"b":"x"}}\', \'$.a.b\')', 'x'],
    ['json_extract_scalar(\'{"a":{"b":"x"}}\', \'$.a\')', null],
    ["json_extract_scalar('{\"a\":[1,2]}', '$.a')", null],
    ["json_extract_scalar('{\"a\":3}', '$.a')", '3'],
    ["url_extract_host('https://shop.example.com:8443/cart?x=1')", 'shop.example.com'],
    ["levenshtein_distance('kitten', 'sitting')", 3],
    ["last_day_of_month(DATE '2024-02-10')", '2024-02-29'],
  ])('%s', async (expression, expected) => {
    expect(await value(expression)).toEqual(expected);
  });

  it('approx_distinct counts distinct values per group', async () => {
    const { rows } = await engine.execute(
      'SELECT k, approx_distinct(v) AS n FROM (VALUES (1, 2), (1, 3), (1, 3), (2, 2)) t(k, v) GROUP BY k ORDER BY k',
    );
    expect(rows).toEqual([
      { k: 1, n: 2 },
      { k: 2, n: 1 },
    ]);
  });

  it('leaves format-like text in other string literals and identifiers alone', async () => {
    const { rows } = await engine.execute(
      `SELECT 'date_format(x, ''%i'')' AS "date_format('%i')", date_format(TIMESTAMP '2025-01-01 10:07:00', '%H:%i') AS t`,
    );
    expect(rows).toEqual([{ "date_format('%i')": "date_format(x, '%i')", t: '10:07' }]);
  });

  it('names a Trino function DuckDB cannot run', async () => {
    const error = await engine.execute("SELECT\n  format_datetime(now(), 'yyyy')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFunctionError);
    expect(error).toMatchObject({ functionName: 'format_datetime' });
    expect((error as Error).message).toContain('format_datetime() (line 2, column 3)');
  });

  it('names a function neither DuckDB nor the macros know instead of a binder error', async () => {
    const error = await engine.execute('SELECT frobnicate(1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFunctionError);
    expect(error).toMatchObject({
      functionName: 'frobnicate',
      details: { engine: 'duckdb', queryId: expect.any(String) },
    });
  });

  it('refuses a date format given as an expression, whose meaning it cannot translate', async () => {
    const error = await engine.execute("SELECT date_format(now(), 'x' || '%i')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedDateFormatError);
    expect(error).toMatchObject({
      details: { engine: 'duckdb', queryId: expect.stringMatching(/^duckdb-\d+$/) },
    });
  });
});
