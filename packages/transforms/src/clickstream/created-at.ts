/**
 * Ingest artefacts seen in `created_at`: an en-dash, or the `u2013` left behind when an API Gateway
 * mapping template stripped the backslash of `\u2013` (sometimes the backslash survives). Each one
 * stands where a `-` (date part, negative offset) or the date/time separator was meant.
 */
const INGEST_DASH = /\\?u2013|\u2013/g;

/** `YYYY-MM-DD`, separator (`T`, space, or a repaired dash), `HH:MM[:SS[.fff]]`, optional zone. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]|-)(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?(?:[Zz]|UTC)|([+-])(\d{2}):?(\d{2})?)?$/;

/** A `created_at` read as an instant. */
export interface ClickTime {
  /** ISO 8601 UTC, e.g. `2022-09-11T23:00:00.000Z`. */
  iso: string;
  /** `YYYY/MM/DD/HH` in UTC: the Athena partition and the Firehose partition key. */
  datehour: string;
}

/**
 * Replaces en-dashes and stripped `\u2013` escapes with `-`.
 *
 * @example repairCreatedAt('2022u201309u201311 23:00:00') // '2022-09-11 23:00:00'
 */
export function repairCreatedAt(raw: string): string {
  return raw.trim().replace(INGEST_DASH, '-');
}

/**
 * Reads a click timestamp (after {@link repairCreatedAt}); a timestamp without a zone is UTC.
 * Returns undefined for anything that is not a real instant (2022-02-30, 24:00).
 *
 * @example parseClickTime('2022-09-11 23:00:00') // { iso: '2022-09-11T23:00:00.000Z', datehour: '2022/09/11/23' }
 */
export function parseClickTime(raw: string): ClickTime | undefined {
  return isPlainUtc(raw) ? plainClickTime(raw) : readClickTime(raw);
}

/** The general rule: repairs, any accepted layout and zone, impossible instants refused by a round trip. */
export function readClickTime(raw: string): ClickTime | undefined {
  const m = TIMESTAMP.exec(repairCreatedAt(raw));
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', sign, oh, om = '0'] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const local = Date.UTC(...fields, Number(frac.padEnd(3, '0').slice(0, 3)));
  if (!isSameWallClock(new Date(local), fields)) return undefined;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return undefined;
  const offsetMinutes = oh === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const instant = new Date(local - offsetMinutes * 60_000);
  return { iso: instant.toISOString(), datehour: datehourOf(instant) };
}

/** `YYYY-MM-DD HH:MM:SS` (or with `T`), year 1000 or later: what clicks usually carry. */
function isPlainUtc(raw: string): boolean {
  if (raw.length !== 19 || raw.charCodeAt(0) === 48) return false;
  for (let i = 0; i < 19; i++) {
    const code = raw.charCodeAt(i);
    const expected = PLAIN_LAYOUT.charCodeAt(i);
    if (expected === 100 ? code < 48 || code > 57 : code !== expected && !(i === 10 && code === 84))
      return false;
  }
  return true;
}

/** `d` a digit, anything else itself (position 10 may also be `T`). */
const PLAIN_LAYOUT = 'dddd-dd-dd dd:dd:dd';
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A plain UTC timestamp read from its digits: the same instant as {@link readClickTime}, without dates. */
function plainClickTime(raw: string): ClickTime | undefined {
  const year = Number(raw.slice(0, 4));
  const month = Number(raw.slice(5, 7));
  const day = Number(raw.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > days) return undefined;
  if (Number(raw.slice(11, 13)) > 23 || Number(raw.slice(14, 16)) > 59 || Number(raw.slice(17, 19)) > 59)
    return undefined;
  const date = raw.slice(0, 10);
  return {
    iso: `${date}T${raw.slice(11, 19)}.000Z`,
    datehour: `${raw.slice(0, 4)}/${raw.slice(5, 7)}/${raw.slice(8, 10)}/${raw.slice(11, 13)}`,
  };
}

/** Date.UTC rolls 2022-02-30 over to March: a round trip exposes impossible dates and times. */
function isSameWallClock(date: Date, fields: readonly [number, number, number, number, number, number]) {
  const [y, mo, d, h, mi, s] = fields;
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

function datehourOf(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}/${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${two(date.getUTCHours())}`;
}
