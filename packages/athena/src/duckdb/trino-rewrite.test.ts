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
