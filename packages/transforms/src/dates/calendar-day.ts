/**
 * A calendar date as a whole number of days since 1970-01-01 (proleptic Gregorian), so ages in days
 * are plain subtraction and no `Date` is built per row.
 */
export type CalendarDay = number;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/**
 * The day number of a calendar date, or `undefined` when the date does not exist (2025-02-30).
 *
 * @example
 * calendarDay(1970, 1, 2); // 1
 * calendarDay(2025, 2, 30); // undefined
 */
export function calendarDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

// Howard Hinnant's days_from_civil: exact integer arithmetic, valid far beyond any order date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @example
 * formatCalendarDay(calendarDay(2025, 3, 1)!); // '2025-03-01'
 */
export function formatCalendarDay(day: CalendarDay): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
