import { calendarDay } from '../dates/calendar-day.js';
/**
 * Reads `YYYY-MM-DD HH:MM:SS UTC` from bytes as epoch ms, as `parseEventTime` reads the text, without
 * a string or a Date. Events come in time order, so the day of the previous event is kept: most
 * lines only read the time of day. NaN for any other layout (`T`, `Z`, no suffix: left to the schema)
 * and for impossible dates and times.
 */
export class EventTimeReader {
  #dayKey = -1;
  #dayMs = 0;

  read(bytes: Uint8Array, start: number, end: number): number {
    if (end - start !== 23 || !hasLayout(bytes, start)) return Number.NaN;
    const dayKey =
      digits(bytes, start, 4) * 10_000 + digits(bytes, start + 5, 2) * 100 + digits(bytes, start + 8, 2);
    if (dayKey !== this.#dayKey && !this.#setDay(dayKey)) return Number.NaN;
    const hour = digits(bytes, start + 11, 2);
    const minute = digits(bytes, start + 14, 2);
    const second = digits(bytes, start + 17, 2);
    // NaN fails every comparison, so one guard covers bad digits and bad ranges.
    if (!(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
    return this.#dayMs + (hour * 60 + minute) * 60_000 + second * 1000;
  }

  #setDay(dayKey: number): boolean {
    const year = Math.floor(dayKey / 10_000);
    const month = Math.floor(dayKey / 100) % 100;
    const day = dayKey % 100;
    const days = calendarDay(year, month, day);
    if (days === undefined) return false;
    this.#dayKey = dayKey;
    this.#dayMs = days * 86_400_000;
    return true;
  }
}

/** The fixed bytes of `YYYY-MM-DD HH:MM:SS UTC`: `-`, `-`, space, `:`, `:`, ` UTC`. */
function hasLayout(bytes: Uint8Array, start: number): boolean {
  return (
    bytes[start + 4] === 0x2d &&
    bytes[start + 7] === 0x2d &&
    bytes[start + 10] === 0x20 &&
    bytes[start + 13] === 0x3a &&
    bytes[start + 16] === 0x3a &&
    bytes[start + 19] === 0x20 &&
    bytes[start + 20] === 0x55 &&
    bytes[start + 21] === 0x54 &&
    bytes[start + 22] === 0x43
  );
}

/** Digits at fixed positions, or NaN when any is not a digit. */
function digits(bytes: Uint8Array, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}
