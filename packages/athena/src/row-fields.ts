import * as z from 'zod/mini';

/**
 * A row field holding a count or another whole number: DuckDB returns `COUNT(*)`, `count_if` and
 * HUGEINT sums as bigint, Athena as a number; both become a number (exact up to 2^53).
 *
 * @example
 * const perDay = defineQuery({ name: 'per_day', sql: 'SELECT date, count(*) AS n FROM events GROUP BY date', row: z.object({ date: z.string(), n: countField() }) });
 */
export function countField() {
  return z.pipe(
    z.union([z.number(), z.bigint()]),
    z.transform((n) => Number(n)),
  );
}
