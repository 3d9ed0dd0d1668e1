import { describe, expect, it } from 'vitest';
import { cases } from '../fixtures/cases.js';
import { asOfDay } from './as-of.js';
import { calendarDay } from './calendar-day.js';
import type { DateFormat } from './date-formats.js';
import { DEFAULT_DATE_FORMATS, parseCalendarDay } from './date-formats.js';
import { InvalidAsOfDateError, InvalidTimeZoneError } from './errors.js';
import { zonedCalendar } from './time-zone.js';

const formatCalendarDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

const utc = zonedCalendar('UTC');
const day = (text: string, formats: readonly DateFormat[] = DEFAULT_DATE_FORMATS, zoned = utc) => {
  const found = parseCalendarDay(text, formats, zoned);
  return found === undefined ? undefined : formatCalendarDay(found);
};

describe('parseCalendarDay', () => {
  // Every layout, zones and leap days → the calendar day read; null where the text is not a date.
  it.each(
    cases(`
    "2025-03-01"                 | "2025-03-01"
    "  2025-03-01 "              | "2025-03-01"
    "2025-03-01 23:59:59"        | "2025-03-01"
    "2025-03-01T10:00:00Z"       | "2025-03-01"
    "2025-03-01T23:30:00-02:00"  | "2025-03-02"
    "2025-03-01T01:30:00+0200"   | "2025-02-28"
    "2025-03-01T10:00"           | "2025-03-01"
    "2025-03-01T10:00:00.123+05" | "2025-03-01"
    "03/01/2025"                 | "2025-03-01"
    "3/1/2025"                   | "2025-03-01"
    "2025/03/01"                 | "2025-03-01"
    "01-03-2025"                 | "2025-03-01"
    "2024-02-29"                 | "2024-02-29"
    "2000-02-29"                 | "2000-02-29"
    "2025-02-30"                 | null
    "2025-02-29"                 | null
    "1900-02-29"                 | null
    "2025-13-01"                 | null
    "2025-04-31"                 | null
    "2025-00-10"                 | null
    "13/01/2025"                 | null
    "31-02-2025"                 | null
    "2025-03-01 24:00:00"        | null
    "2025-03-01T10:00:00+25:00"  | null
    "2025-3-1"                   | null
    "yesterday"                  | null
    ""                           | null
  `),
  )('reads %j as %j', (text, expected) => {
    expect(day(text as string)).toBe(expected ?? undefined);
  });

  it('tries formats in the given order, so DD-MM-YYYY can win over MM/DD/YYYY-like input', () => {
    expect(day('02-03-2025', ['DD-MM-YYYY'])).toBe('2025-03-02');
    expect(day('02/03/2025', ['MM/DD/YYYY'])).toBe('2025-02-03');
    expect(day('2025-03-01 10:00:00', ['YYYY-MM-DD'])).toBeUndefined();
  });

  it('converts a zoned timestamp to the calendar date of the configured time zone', () => {
    const tokyo = zonedCalendar('Asia/Tokyo');
    const newYork = zonedCalendar('America/New_York');
    expect(day('2025-03-01T20:00:00Z', DEFAULT_DATE_FORMATS, tokyo)).toBe('2025-03-02');
    expect(day('2025-03-01T03:00:00Z', DEFAULT_DATE_FORMATS, newYork)).toBe('2025-02-28');
    // wall-clock values carry no zone: their date is the date written
    expect(day('2025-03-01 23:00:00', DEFAULT_DATE_FORMATS, tokyo)).toBe('2025-03-01');
  });
});

describe('calendarDay', () => {
  it('counts days from 1970-01-01', () => {
    expect(calendarDay(1970, 1, 1)).toBe(0);
    expect(calendarDay(2025, 3, 1)! - calendarDay(2025, 2, 1)!).toBe(28);
    expect(calendarDay(2024, 3, 1)! - calendarDay(2024, 2, 1)!).toBe(29);
    expect(calendarDay(1969, 12, 31)).toBe(-1);
  });
});

describe('asOfDay', () => {
  it('reads an instant in the time zone and a YYYY-MM-DD string as is', () => {
    const instant = new Date('2025-03-31T22:30:00Z');
    expect(formatCalendarDay(asOfDay(instant, utc))).toBe('2025-03-31');
    expect(formatCalendarDay(asOfDay(instant, zonedCalendar('Europe/Paris')))).toBe('2025-04-01');
    expect(formatCalendarDay(asOfDay('2025-03-31', zonedCalendar('Asia/Tokyo')))).toBe('2025-03-31');
  });

  it('refuses what is not a date, and unknown time zones', () => {
    expect(() => asOfDay('31/03/2025', utc)).toThrow(InvalidAsOfDateError);
    expect(() => asOfDay(new Date('nope'), utc)).toThrow(InvalidAsOfDateError);
    expect(() => zonedCalendar('Mars/Olympus')).toThrow(InvalidTimeZoneError);
  });
});
