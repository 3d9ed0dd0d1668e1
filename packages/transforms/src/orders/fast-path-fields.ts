import { calendarDay } from '../dates/index.js';
import type { OrderColumns } from './order-columns.js';

// Indexes into the span array a scan reuses for every line, so that no line allocates.
export const STATUS = 0;
export const DATE = 2;
export const TRIMMED_STATUS = 4;
export const SPANS = 6;

/** The shape of a simple line: its delimiter, the two columns read, and the header's field count. */
export interface LineShape {
  delimiter: number;
  columns: OrderColumns;
  fieldCount: number;
}

/** Finds the status and date fields' byte ranges; false when the field count is not the header's. */
export function findFields(
  bytes: Buffer,
  start: number,
  end: number,
  shape: LineShape,
  spans: Int32Array,
): boolean {
  const { delimiter, fieldCount } = shape;
  const { status, orderDate } = shape.columns;
  let field = 0;
  for (let from = start; from <= end; field++) {
    let to = from;
    while (to < end && bytes[to] !== delimiter) to++;
    if (field === status) {
      spans[STATUS] = from;
      spans[STATUS + 1] = to;
    }
    if (field === orderDate) {
      spans[DATE] = from;
      spans[DATE + 1] = to;
    }
    from = to + 1;
  }
  return field === fieldCount;
}

/** The day of a plain `YYYY-MM-DD` date, or undefined for anything else (left to the general rule). */
export function isoDay(bytes: Buffer, start: number, end: number): number | undefined {
  if (end - start !== 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return undefined;
  const year = digits(bytes, start, start + 4);
  const month = digits(bytes, start + 5, start + 7);
  const day = digits(bytes, start + 8, start + 10);
  return year < 0 || month < 0 || day < 0 ? undefined : calendarDay(year, month, day);
}

function digits(bytes: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Trims the status of ASCII spaces into TRIMMED_STATUS; false when blank or not ASCII (general rule). */
export function asciiTrim(bytes: Buffer, spans: Int32Array): boolean {
  let from = spans[STATUS] as number;
  let to = spans[STATUS + 1] as number;
  while (from < to && isAsciiSpace(bytes[from] as number)) from++;
  while (to > from && isAsciiSpace(bytes[to - 1] as number)) to--;
  for (let i = from; i < to; i++) if ((bytes[i] as number) >= 0x80) return false;
  spans[TRIMMED_STATUS] = from;
  spans[TRIMMED_STATUS + 1] = to;
  return from < to;
}

// What String.prototype.trim removes within ASCII: tab, LF, VT, FF, CR and space.
const isAsciiSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
export const lowerAscii = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
export const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);
