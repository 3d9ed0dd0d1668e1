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
