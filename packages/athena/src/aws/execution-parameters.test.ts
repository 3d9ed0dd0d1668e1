import { describe, expect, it } from 'vitest';
import { sqlDate } from '../define-query.js';
import { parseAthenaLiteral } from '../testing/athena-literals.js';
import { AthenaParameterError } from './errors.js';
import { toAthenaLiteral, toExecutionParameters } from './execution-parameters.js';

describe('toExecutionParameters', () => {
  it('renders each type as the literal Athena substitutes', () => {
    const values = ["o'brien", 42, -1.5, 2n ** 64n, true, false, null];
    expect(toExecutionParameters(values)).toEqual([
      "'o''brien'",
      '42',
      '-1.5',
      '18446744073709551616',
      'TRUE',
      'FALSE',
      'NULL',
    ]);
  });

  it('renders a Date as a UTC timestamp and a sqlDate as a date', () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    expect(toExecutionParameters([at, sqlDate('2025-02-28')])).toEqual([
      "TIMESTAMP '2025-03-04 05:06:07.089'",
      "DATE '2025-02-28'",
    ]);
  });

  it('omits the list when there are no values, as Athena rejects an empty one', () => {
    expect(toExecutionParameters([])).toBeUndefined();
  });

  it.each([
    "'; DROP TABLE x; --",
    "it's",
    "''",
    "'",
    'back\\slash\\',
    "\\'; DROP TABLE x; --",
    'naïve 東京 🚀 \u0000 \n line',
    '?',
    "O'Reilly's ''quoted''",
  ])('keeps the nasty string %j one value that reads back unchanged', (nasty) => {
    const literal = toAthenaLiteral(nasty);
    expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
    // Between the outer quotes, every quote is doubled: no way to close the literal early.
    expect(literal.slice(1, -1).replaceAll("''", '')).not.toContain("'");
    expect(parseAthenaLiteral(literal)).toBe(nasty);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %s', (value) => {
    expect(() => toExecutionParameters([value])).toThrow(AthenaParameterError);
  });

  it('refuses an invalid Date and one outside years 0000-9999', () => {
    expect(() => toAthenaLiteral(new Date(Number.NaN))).toThrow(AthenaParameterError);
    expect(() => toAthenaLiteral(new Date('+010000-01-01T00:00:00Z'))).toThrow(/0000-9999/);
  });

  it("refuses a literal over Athena's 1024-character limit, naming its position", () => {
    expect(() => toExecutionParameters(['ok', 'x'.repeat(1100)])).toThrow(/parameter 2: .*1024/);
  });
});
