import type { CalendarDay } from './calendar-day.js';
import { isoDay } from './date-formats.js';
import { InvalidAsOfDateError } from './errors.js';
import type { ZonedCalendar } from './time-zone.js';

/**
 * The calendar day of an `asOf` reference: a `Date` (or epoch milliseconds) is an instant, read in
 * the configured time zone; a `YYYY-MM-DD` string is already a calendar date.
 *
 * @example
 * asOfDay('2025-03-31', zonedCalendar('UTC')) === calendarDay(2025, 3, 31); // true
 */
export function asOfDay(asOf: Date | number | string, zoned: ZonedCalendar): CalendarDay {
  if (typeof asOf === 'string') {
    const day = isoDay(asOf.trim());
    if (day === undefined) throw new InvalidAsOfDateError(asOf);
    return day;
  }
  const epochMs = typeof asOf === 'number' ? asOf : asOf.getTime();
  if (!Number.isFinite(epochMs)) throw new InvalidAsOfDateError(String(asOf));
  return zoned(epochMs);
}
