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
  const ms = isoDateMillis(value);
  return ms === undefined ? undefined : ms / MS_PER_DAY;
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

function shift(digits: bigint, places: number): bigint {
  // Beyond 80 places the result either overflows any precision or rounds to zero.
  if (places > 80) return digits === 0n ? 0n : 10n ** 80n;
  if (places < -80) return 0n;
  if (places >= 0) return digits * 10n ** BigInt(places);
  const divisor = 10n ** BigInt(-places);
  const quotient = digits / divisor;
  return (digits % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}
