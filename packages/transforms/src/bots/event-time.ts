import { calendarDay } from '../dates/calendar-day.js';

const ZERO = 48;

/** Digits at fixed positions of `text`, or NaN when any is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function hasZoneSuffix(text: string): boolean {
  if (text.length === 19) return true;
  if (text.length === 20) return text[19] === 'Z';
  return text.length === 23 && text.endsWith(' UTC');
}

/**
 * Reads `YYYY-MM-DD HH:MM:SS UTC` (rees46), also without the suffix, with `T` or with `Z`, as epoch
 * milliseconds. Fixed positions and no Date objects: this runs once per event. NaN when the text
 * is not such a timestamp or names an impossible date (2019-02-29).
 *
 * @example parseEventTime('2019-11-01 00:00:00 UTC') // 1572566400000
 */
export function parseEventTime(text: string): number {
  if (!hasZoneSuffix(text) || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') {
    return Number.NaN;
  }
  if (text[10] !== ' ' && text[10] !== 'T') return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  // calendarDay refuses NaN and impossible dates; NaN fails every comparison, so one guard covers
  // bad digits and bad ranges of the time.
  const days = calendarDay(year, month, day);
  if (days === undefined || !(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}
