// The stale-order rule over a record's bytes: the common case decided without making a string.
import type { CsvDrop, CsvLine, CsvLineVerdict } from '@sluice/core/codecs';
import { asciiDigits, isAsciiSpan } from '../ascii-bytes.js';
import { calendarDay } from '../dates/index.js';
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
  const { asOfDay, maxAgeDays } = rule;
  return (line) => {
    const bytes = line.bytes;
    const day = isoDay(bytes, line.fieldStart(orderDate), line.fieldEnd(orderDate));
    if (day === undefined) return 'parse';
    let from = line.fieldStart(status);
    let to = line.fieldEnd(status);
    while (from < to && isAsciiSpace(bytes[from] as number)) from++;
    while (to > from && isAsciiSpace(bytes[to - 1] as number)) to--;
    if (from === to || !isAsciiSpan(bytes, from, to)) return 'parse'; // e.g. a no-break space, which trim() removes
    if (asOfDay - day <= maxAgeDays) return 'keep';
    return staleStatuses.some((stale) => sameLowerAscii(bytes, from, to, stale)) ? STALE : 'keep';
  };
}

/** The day of a plain `YYYY-MM-DD` date, or undefined for anything else (left to the general rule). */
export function isoDay(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end - start !== 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return undefined;
  const year = asciiDigits(bytes, start, start + 4);
  const month = asciiDigits(bytes, start + 5, start + 7);
  const day = asciiDigits(bytes, start + 8, start + 10);
  return year < 0 || month < 0 || day < 0 ? undefined : calendarDay(year, month, day);
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
