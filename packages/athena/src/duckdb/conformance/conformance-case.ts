/**
 * One documented Trino/Athena behaviour: a query and what Athena answers (the decoded value of the
 * first column, and its type as the QueryEngine port reports it), or a documented failure.
 * `doc` names the page of Trino's documentation (docs/src/main/sphinx/functions/) it comes from.
 * `knownDifference` says why the embedded engine answers otherwise and nothing can refuse it (the
 * operand types decide, and the SQL rewrite does not know them); the README lists each one.
 */
export type ConformanceCase = (
  | { sql: string; expected: unknown; type: string; perRow?: boolean }
  | { sql: string; fails: string }
) & { doc: string; knownDifference?: string };

/** The query fails on Athena; `reason` is what Trino's documentation says. */
export interface DocumentedFailure {
  readonly fails: string;
}

export const fails = (reason: string): DocumentedFailure => ({ fails: reason });

type Row = readonly [sql: string, expected: unknown, type?: string, knownDifference?: string];

/**
 * Rows calling each function on the same arguments, all answering `type`:
 * `calls("DATE '2020-05-11'", { year: 2020, month: 5 }, 'bigint')` is the rows
 * `["SELECT year(DATE '2020-05-11')", 2020, 'bigint']` and `["SELECT month(DATE '2020-05-11')", 5, 'bigint']`.
 */
export const calls = (args: string, expected: Readonly<Record<string, unknown>>, type: string): Row[] =>
  Object.entries(expected).map(([fn, value]) => [`SELECT ${fn}(${args})`, value, type]);

/**
 * Cases of one documentation page, written as `[sql, expected, type]` rows; `expected` may be
 * `fails(reason)`. `perRow` cases compare the first column of every row, in order.
 *
 * @example casesFrom('math.md', [['SELECT 5 / 2', 2, 'integer']])
 */
export function casesFrom(
  doc: string,
  rows: readonly Row[],
  options: { perRow?: boolean } = {},
): ConformanceCase[] {
  return rows.map(([sql, expected, type, knownDifference]) => {
    const known = knownDifference === undefined ? {} : { knownDifference };
    if (isFailure(expected)) return { sql, fails: expected.fails, doc, ...known };
    if (type === undefined) throw new Error(`conformance case without a type: ${sql}`);
    return { sql, expected, type, doc, ...(options.perRow && { perRow: true }), ...known };
  });
}

function isFailure(value: unknown): value is DocumentedFailure {
  return typeof value === 'object' && value !== null && 'fails' in value;
}

/** A `timestamp` value as the port decodes it (UTC `Date`). */
export const ts = (text: string): Date => new Date(`${text.replace(' ', 'T')}Z`);
