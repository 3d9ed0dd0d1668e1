import { calendarDay } from '../dates/calendar-day.js';

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
  const day = calendarDay(Number(y), Number(mo), Number(d));
  if (day === undefined || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return undefined;
  const offsetMinutes = oh === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const wallMs = ((day * 24 + Number(h)) * 60 + Number(mi) - offsetMinutes) * 60_000 + Number(s) * 1000;
  const iso = new Date(wallMs + Number(frac.padEnd(3, '0').slice(0, 3))).toISOString();
  return { iso, datehour: `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(11, 13)}` };
}
