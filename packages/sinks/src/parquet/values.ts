// Conversions from the loose values records carry (numbers, numeric strings, Dates, ISO strings)
// to the exact values a Parquet column stores. Each returns undefined when the value does not fit.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MS_PER_DAY = 86_400_000;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}:?\d{2})?$/;

export function toInt32(value: unknown): number | undefined {
  const n = toInt64(value);
  return n !== undefined && n >= -2147483648n && n <= 2147483647n ? Number(n) : undefined;
}

export function toInt64(value: unknown): bigint | undefined {
  let n: bigint | undefined;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && INTEGER.test(value.trim())) n = BigInt(value.trim());
  return n !== undefined && n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

export function toDouble(value: unknown): number | undefined {
  const n = typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` string or a Date (its UTC calendar date). */
export function toEpochDay(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : Math.floor(ms / MS_PER_DAY);
  }
  if (typeof value !== 'string') return undefined;
  return isoEpochDay(value);
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, read by character codes: no regex or Date per value. */
function isoEpochDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (!(year >= 0)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] ?? 0);
  // A non-digit makes its part NaN, which fails the range check.
  return day >= 1 && day <= last ? daysFromCivil(year, month, day) : undefined;
}

function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

// Howard Hinnant's days_from_civil: the proleptic Gregorian calendar, as Date.UTC counts it.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Milliseconds since the epoch, UTC. Strings without a zone are read as UTC. */
export function toEpochMillis(value: unknown): bigint | undefined {
  if (value instanceof Date) return millis(value.getTime());
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ISO_TIMESTAMP.exec(value.trim());
  if (!match || isoDateMillis(match[1] as string) === undefined) return undefined;
  const [, date, time = '00:00', zone = 'Z'] = match;
  return millis(Date.parse(`${date}T${time}${zone}`));
}

function millis(ms: number): bigint | undefined {
  return Number.isNaN(ms) ? undefined : BigInt(ms);
}

function isoDateMillis(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March; an impossible date is not a date.
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? ms : undefined;
}

/**
 * The unscaled integer of a decimal value at `scale` (`"12.345"` at scale 2 → 1235n), rounding half
 * away from zero; undefined when the value is not a number or needs more than `precision` digits.
 */
export function toUnscaledDecimal(value: unknown, precision: number, scale: number): bigint | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof text !== 'string' && typeof text !== 'bigint') return undefined;
  const match = DECIMAL.exec(String(text).trim());
  if (!match || (match[2] ?? '') + (match[3] ?? '') === '') return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const unscaled = shift(BigInt(whole + fraction || '0'), scale + Number(exponent) - fraction.length);
  const signed = sign === '-' ? -unscaled : unscaled;
  return unscaled < 10n ** BigInt(precision) ? signed : undefined;
}

// Up to 15 digits a decimal is an exact double, so the common case needs no regex and no BigInt.
const MAX_SMALL_DIGITS = 15;
const POW10 = Array.from({ length: 39 }, (_, i) => 10 ** i);

/**
 * {@link toUnscaledDecimal} for the common case of a plain string such as `-183.02` with at most 15
 * digits and no more fraction digits than `scale`, as a number; undefined when the general path
 * must decide (other shapes, rounding, too many digits for the precision).
 */
export function toSmallUnscaledDecimal(text: string, precision: number, scale: number): number | undefined {
  const negative = text.charCodeAt(0) === 45;
  let n = 0;
  let count = 0;
  let fraction = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && fraction < 0) fraction = 0;
    else if (code < 48 || code > 57) return undefined;
    else {
      n = n * 10 + (code - 48);
      count++;
      if (fraction >= 0) fraction++;
    }
  }
  const places = scale - Math.max(fraction, 0);
  if (count === 0 || count + places > MAX_SMALL_DIGITS || places < 0) return undefined;
  const unscaled = n * (POW10[places] as number);
  if (unscaled >= (POW10[precision] ?? Number.POSITIVE_INFINITY)) return undefined;
  return negative ? -unscaled : unscaled;
}

function shift(digits: bigint, places: number): bigint {
  // Beyond 80 places the result either overflows any precision or rounds to zero.
  if (places > 80) return digits === 0n ? 0n : 10n ** 80n;
  if (places < -80) return 0n;
  if (places >= 0) return digits * 10n ** BigInt(places);
  const divisor = 10n ** BigInt(-places);
  const quotient = digits / divisor;
  return (digits % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}
