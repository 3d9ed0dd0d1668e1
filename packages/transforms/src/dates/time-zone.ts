import type { CalendarDay } from './calendar-day.js';
import { calendarDay } from './calendar-day.js';
import { InvalidTimeZoneError } from './errors.js';

const MS_PER_DAY = 86_400_000;

/** Maps an instant (epoch milliseconds) to its calendar day in one time zone. */
export type ZonedCalendar = (epochMs: number) => CalendarDay;

/**
 * Builds the instant → calendar day mapping of an IANA time zone. UTC is plain division; other
 * zones go through `Intl.DateTimeFormat`, built once here rather than per row.
 *
 * @example
 * const day = zonedCalendar('Asia/Tokyo');
 * day(Date.parse('2025-03-01T20:00:00Z')); // the day number of 2025-03-02
 */
export function zonedCalendar(timeZone: string): ZonedCalendar {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (epochMs) => Math.floor(epochMs / MS_PER_DAY);
  const format = dateFormatFor(timeZone);
  return (epochMs) => {
    let year = 0;
    let month = 0;
    let day = 0;
    for (const part of format.formatToParts(epochMs)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
    }
    return calendarDay(year, month, day) ?? Math.floor(epochMs / MS_PER_DAY);
  };
}

function dateFormatFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
}
