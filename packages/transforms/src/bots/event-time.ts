import { asciiDigits } from '../ascii-bytes.js';
import { calendarDay } from '../dates/calendar-day.js';

const DASH = 0x2d;
const COLON = 0x3a;
const SPACE = 0x20;
const LONGEST = 23; // `YYYY-MM-DD HH:MM:SS UTC`

// Text is read through the byte reader, so text and CSV bytes share one parser. The scratch buffer
// holds one time at a time: readers are synchronous.
const scratch = new Uint8Array(LONGEST);
const encoder = /* @__PURE__ */ new TextEncoder();

// Events come in time order: the day of the previous time is kept, so most reads skip the calendar.
let lastDayKey = -1;
let lastDayMs = 0;

/**
 * Reads `YYYY-MM-DD HH:MM:SS UTC` (rees46), also without the suffix, with `T` or with `Z`, as epoch
 * milliseconds. Fixed positions and no Date objects: this runs once per event. NaN when the text
 * is not such a timestamp or names an impossible date (2019-02-29).
 *
 * @example parseEventTime('2019-11-01 00:00:00 UTC') // 1572566400000
 */
export function parseEventTime(text: string): number {
  if (text.length > LONGEST) return Number.NaN;
  const { read, written } = encoder.encodeInto(text, scratch);
  // A character outside ASCII takes more than one byte: no timestamp holds one.
  return read === text.length && written === read ? readEventTime(scratch, 0, written) : Number.NaN;
}

/**
 * {@link parseEventTime} of the ASCII text `bytes[start, end)`, without making a string: how CSV
 * bytes are read.
 *
 * @example readEventTime(line.bytes, line.fieldStart(0), line.fieldEnd(0))
 */
export function readEventTime(bytes: Uint8Array, start: number, end: number): number {
  if (!hasLayout(bytes, start, end - start)) return Number.NaN;
  const dayKey =
    digits(bytes, start, 4) * 10_000 + digits(bytes, start + 5, 2) * 100 + digits(bytes, start + 8, 2);
  const dayMs = dayKey === lastDayKey ? lastDayMs : dayStart(dayKey);
  const hour = digits(bytes, start + 11, 2);
  const minute = digits(bytes, start + 14, 2);
  const second = digits(bytes, start + 17, 2);
  // NaN fails every comparison, so one guard covers bad digits and bad ranges of the time.
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return dayMs + (hour * 60 + minute) * 60_000 + second * 1000;
}

/** Epoch ms of the day `YYYYMMDD`, remembered for the next event; NaN for an impossible date. */
function dayStart(dayKey: number): number {
  const days = calendarDay(Math.floor(dayKey / 10_000), Math.floor(dayKey / 100) % 100, dayKey % 100);
  if (days === undefined) return Number.NaN;
  lastDayKey = dayKey;
  lastDayMs = days * 86_400_000;
  return lastDayMs;
}

/** Separators in place, `T` or a space between date and time, and one of the three endings. */
function hasLayout(bytes: Uint8Array, start: number, length: number): boolean {
  const middle = bytes[start + 10];
  return (
    hasZoneSuffix(bytes, start, length) &&
    bytes[start + 4] === DASH &&
    bytes[start + 7] === DASH &&
    (middle === SPACE || middle === 0x54) &&
    bytes[start + 13] === COLON &&
    bytes[start + 16] === COLON
  );
}

/** Nothing after the seconds, `Z`, or ` UTC`. */
function hasZoneSuffix(bytes: Uint8Array, start: number, length: number): boolean {
  if (length === 19) return true;
  if (length === 20) return bytes[start + 19] === 0x5a;
  return (
    length === LONGEST &&
    bytes[start + 19] === SPACE &&
    bytes[start + 20] === 0x55 &&
    bytes[start + 21] === 0x54 &&
    bytes[start + 22] === 0x43
  );
}

/** Digits at fixed positions, or NaN when any is not a digit. */
function digits(bytes: Uint8Array, from: number, count: number): number {
  const value = asciiDigits(bytes, from, from + count);
  return value < 0 ? Number.NaN : value;
}
