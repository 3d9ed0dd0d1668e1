// Order rows of the corpus and what becomes of them.
import { type CaseCounts, counts, refused } from './case-parts.js';

// Orders, as of 2025-06-30 with maxAgeDays 30: 2025-06-01 is 29 days old (kept whatever the status),
// 2025-01-15 is 166 days old (stale when pending or cancelled).
export const H = 'OrderID,CustomerID,OrderDate,Status,Amount';
export const kept = (n: number, date = '2025-06-01', status = 'shipped') =>
  `O${n},C${n},${date},${status},${n}.50`;
export const stale = (n: number, status = 'pending') => `O${n},C${n},2025-01-15,${status},${n}.50`;
export const badDate = (n: number, date = 'soon') => `O${n},C${n},${date},shipped,${n}.50`;
export const noStatus = (n: number) => `O${n},C${n},2025-06-01,,${n}.50`;
/** The four outcomes in one file: kept, stale, invalid-date, missing-status. */
export const FOUR = [kept(1), stale(2), badDate(3), noStatus(4)];
/** Quoted records longer than the header (42 bytes), for limits that let the header through. */
export const AT_LIMIT = 'O1,"Customer, with a comma, and more",2025-06-01,shipped,1.50';
export const AT_LIMIT_MULTILINE = 'O1,"Customer on\r\ntwo lines, and more",2025-06-01,shipped,1.50';
export const FOUR_COUNTS = (lines: number, extra: Partial<CaseCounts> = {}) => ({
  ...counts(1, lines, { stale: 1 }, { 'invalid-date': 1, 'missing-status': 1 }),
  ...extra,
});
export const NOT_TABLE_LAYOUT = refused('unreadable-object'); // the handler quarantines the whole object
export const NO_COLUMN = 'OrderColumnNotFoundError';
/** Rows numbered from 1, one a value: `numbered(['PENDING', 'Shipped'], stale)` is `stale(1, 'PENDING'), stale(2, 'Shipped')`. */
export const numbered = <V>(values: readonly V[], row: (n: number, value: V) => string) =>
  values.map((value, i) => row(i + 1, value));
/** A pending order placed on `date`: kept or stale by its age alone. */
export const pendingOn = (n: number, date: string) => kept(n, date, 'pending');
