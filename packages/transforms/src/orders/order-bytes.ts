// The stale-order rule over a record's bytes: the common case decided without making a string.
import type { CsvDrop, CsvLine, CsvLineVerdict } from '@sluice/core/codecs';
import { asciiDigits, isAsciiSpan } from '../ascii-bytes.js';
import { daysInMonth } from '../dates/index.js';
import type { OrderColumns } from './order-columns.js';
import type { StaleOrderRule } from './stale-order-rule.js';

const STALE: CsvDrop = { drop: 'stale' };

/**
 * Decides a record without quotes from the bytes of its status and date when the date is a plain
 * `YYYY-MM-DD` and the status ASCII; anything else is `'parse'`, for the general rule. Both give
 * the same outcome for the same record (the orders differential test holds them to it).
 */
export function orderLineRule(
  columns: OrderColumns,
  rule: StaleOrderRule,
): (line: CsvLine) => CsvLineVerdict {
  const staleStatuses = [...rule.staleStatuses].filter(isAscii).map((status) => Buffer.from(status));
  if (!rule.dateFormats.includes('YYYY-MM-DD')) return () => 'parse';
  const { status, orderDate } = columns;
  // Plain ISO dates sort as their digits do: an order dated on or after this one is never stale.
  const youngFrom = dateKeyOfDay(rule.asOfDay - rule.maxAgeDays);
  return (line) => {
    const bytes = line.bytes;
    const date = isoDateKey(bytes, line.fieldStart(orderDate), line.fieldEnd(orderDate));
    if (date < 0) return 'parse';
    let from = line.fieldStart(status);
    let to = line.fieldEnd(status);
    while (from < to && isAsciiSpace(bytes[from] as number)) from++;
    while (to > from && isAsciiSpace(bytes[to - 1] as number)) to--;
    if (from === to) return 'parse';
    // A young order is kept whatever its status, once the status is known not to trim to nothing.
    if (date >= youngFrom && (bytes[from] as number) < 0x80) return 'keep';
    if (!isAsciiSpan(bytes, from, to)) return 'parse'; // e.g. a no-break space, which trim() removes
    for (const stale of staleStatuses) if (sameLowerAscii(bytes, from, to, stale)) return STALE;
    return 'keep';
  };
}

/**
 * A plain `YYYY-MM-DD` date that exists, as the number YYYYMMDD (ordered as the dates are), or -1 for
 * anything else (left to the general rule).
 */
export function isoDateKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return -1;
  const year = asciiDigits(bytes, start, start + 4);
  const month = asciiDigits(bytes, start + 5, start + 7);
  const day = asciiDigits(bytes, start + 8, start + 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1;
  if (day > 28 && day > daysInMonth(year, month)) return -1;
  return year * 10_000 + month * 100 + day;
}

/** The YYYYMMDD number of a day (days since 1970-01-01). */
function dateKeyOfDay(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

function sameLowerAscii(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lowerAscii(bytes[from + i] as number) !== word[i]) return false;
  return true;
}

// What String.prototype.trim removes within ASCII: tab, LF, VT, FF, CR and space.
const isAsciiSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
const lowerAscii = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);
