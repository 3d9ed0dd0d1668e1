const ZERO = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

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

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
  // NaN fails every comparison, so one guard covers bad digits and bad ranges.
  const monthDays = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);
  if (!(day >= 1 && day <= monthDays && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}
