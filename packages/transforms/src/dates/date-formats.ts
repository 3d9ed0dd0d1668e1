import { textDigits } from '../ascii-bytes.js';
import type { CalendarDay } from './calendar-day.js';
import { calendarDay } from './calendar-day.js';
import { DATE_FORMAT_NAMES } from './date-format-names.js';
import type { ZonedCalendar } from './time-zone.js';

/**
 * The date layouts an order date may take. `ISO-8601` is a `T`-separated timestamp; with a zone
 * (`Z`, `+02:00`) it is converted to the configured time zone's calendar date, without one it is
 * read as wall time there. `YYYY-MM-DD HH:MM:SS` is wall time in the configured time zone.
 */
export type DateFormat = (typeof DATE_FORMAT_NAMES)[number];

/** Tried in this order; the first layout that matches and names a real date wins. */
export const DEFAULT_DATE_FORMATS: readonly DateFormat[] = DATE_FORMAT_NAMES;

type DayReader = (text: string, zoned: ZonedCalendar) => CalendarDay | undefined;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:[.,]\d+)?)?(Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

const READERS: Record<DateFormat, DayReader> = {
  'YYYY-MM-DD': isoDay,
  'YYYY-MM-DD HH:MM:SS': (text) => (WALL_TIME.test(text) ? isoDay(text.slice(0, 10)) : undefined),
  'ISO-8601': isoTimestampDay,
  'MM/DD/YYYY': (text) => matchDay(US_DATE, text, 3, 1, 2),
  'YYYY/MM/DD': (text) => matchDay(SLASHED_ISO, text, 1, 2, 3),
  'DD-MM-YYYY': (text) => matchDay(DAY_FIRST, text, 3, 2, 1),
};

/**
 * Reads the calendar day of a date string, trying `formats` in order. Surrounding spaces are
 * ignored; impossible dates (2025-02-30) match no format.
 *
 * @example
 * const utc = zonedCalendar('UTC');
 * parseCalendarDay('03/01/2025', DEFAULT_DATE_FORMATS, utc) === calendarDay(2025, 3, 1); // true
 * parseCalendarDay('2025-02-30', DEFAULT_DATE_FORMATS, utc); // undefined
 */
export function parseCalendarDay(
  text: string,
  formats: readonly DateFormat[],
  zoned: ZonedCalendar,
): CalendarDay | undefined {
  const trimmed = text.trim();
  for (const format of formats) {
    const day = READERS[format](trimmed, zoned);
    if (day !== undefined) return day;
  }
  return undefined;
}

/** Hot path: `YYYY-MM-DD` read from char codes, no regex and no Date. */
export function isoDay(text: string): CalendarDay | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = textDigits(text, 0, 4);
  const month = textDigits(text, 5, 7);
  const day = textDigits(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return undefined;
  return calendarDay(year, month, day);
}

function matchDay(pattern: RegExp, text: string, y: number, m: number, d: number): CalendarDay | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return calendarDay(Number(match[y]), Number(match[m]), Number(match[d]));
}

function isoTimestampDay(text: string, zoned: ZonedCalendar): CalendarDay | undefined {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match) return undefined;
  const day = calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
  const zone = match[7];
  if (day === undefined || zone === undefined) return day;
  const wallMs = day * 86_400_000 + Number(match[4]) * 3_600_000 + Number(match[5]) * 60_000;
  return zoned(wallMs + Number(match[6] ?? 0) * 1000 - offsetMs(zone));
}

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const clock = zone.slice(1).replace(':', '');
  return sign * (Number(clock.slice(0, 2)) * 60 + Number(clock.slice(2) || 0)) * 60_000;
}
