import { describe, expect, it } from 'vitest';
import { UnsupportedDateFormatError, UnsupportedFunctionError } from './errors.js';
import { tokenizeSql } from './sql-tokens.js';
import { rewriteTrinoSql } from './trino-rewrite.js';

describe('rewriteTrinoSql', () => {
  it('rewrites the format argument of date_format and date_parse, in any case and nesting', () => {
    expect(rewriteTrinoSql("SELECT DATE_FORMAT(DATE_PARSE(d, '%d/%m/%Y %H:%i'), '%M %Y') FROM t")).toBe(
      "SELECT DATE_FORMAT(DATE_PARSE(d, '%d/%m/%Y %H:%M'), '%B %Y') FROM t",
    );
  });

  it('finds the format after nested calls, commas in strings, comments and line breaks', () => {
    const sql = "select date_format(coalesce(a, concat('x,', b)) /* ( */,\n -- %i\n '%i') from t";
    expect(rewriteTrinoSql(sql)).toBe(
      "select date_format(coalesce(a, concat('x,', b)) /* ( */,\n -- %i\n '%M') from t",
    );
  });

  it('keeps quotes doubled inside a rewritten format', () => {
    expect(rewriteTrinoSql("SELECT date_format(ts, '%Y''%i')")).toBe("SELECT date_format(ts, '%Y''%M')");
  });

  it('does not touch look-alikes: string literals, quoted identifiers, comments, qualified names', () => {
    const sql = `SELECT 'date_format(x, ''%i'')', "date_format"('%i'), s.date_format('%i') -- format_datetime(x)\nFROM t`;
    expect(rewriteTrinoSql(sql)).toBe(sql);
  });

  it('names an unsupported Trino function and where it is', () => {
    const error = (() => {
      try {
        rewriteTrinoSql('SELECT a,\n  approx_set(b) FROM t');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsupportedFunctionError);
    expect((error as Error).message).toContain('approx_set() (line 2, column 3)');
  });

  it('refuses a date format it cannot see as a literal', () => {
    expect(() => rewriteTrinoSql('SELECT date_parse(s, fmt) FROM t')).toThrow(UnsupportedDateFormatError);
  });
});

describe('tokenizeSql', () => {
  it('gives the SQL back when tokens are joined, unterminated strings included', () => {
    const sql = `SELECT "a""b", 'it''s', \`x\` -- c\n/* d */ f(1) 'open`;
    expect(
      tokenizeSql(sql)
        .map((t) => t.text)
        .join(''),
    ).toBe(sql);
  });
});

describe('rewriteTrinoSql: operand-typed rewrites', () => {
  it('sends casts whose meaning depends on the operand type to their macro', () => {
    expect(
      rewriteTrinoSql('SELECT CAST(x AS INTEGER), TRY_CAST(y AS varchar), CAST(z AS DECIMAL(10,2))'),
    ).toBe('SELECT trino_cast_integer(x), trino_try_cast_varchar(y), CAST(z AS DECIMAL(10,2))');
  });

  it('types decimal literals with a leading zero as Trino does', () => {
    expect(rewriteTrinoSql('SELECT 0.1 + 10.5, t.c2')).toBe('SELECT CAST(0.1 AS DECIMAL(1,1)) + 10.5, t.c2');
  });

  it('wraps the left operand of ± INTERVAL, chained left to right, up to a comparison', () => {
    expect(rewriteTrinoSql("SELECT a FROM t WHERE d >= f(x) - INTERVAL '7' DAY + INTERVAL '1' HOUR")).toBe(
      "SELECT a FROM t WHERE d >= trino_interval_add(trino_interval_sub(f(x) , INTERVAL '7' DAY) , INTERVAL '1' HOUR)",
    );
  });

  it('passes avg with its FILTER and OVER clauses to trino_avg beside sum, count and median', () => {
    expect(rewriteTrinoSql('SELECT avg(DISTINCT x) OVER w FROM t')).toBe(
      'SELECT trino_avg(avg(DISTINCT x) OVER w, sum(DISTINCT x) OVER w, count(DISTINCT x) OVER w, median(DISTINCT x) OVER w) FROM t',
    );
  });
});
