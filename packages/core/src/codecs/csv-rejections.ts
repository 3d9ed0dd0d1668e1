import type { Rejection } from '../outcome/outcome.js';

/** Where a scanned record sits, for building rejections. */
export interface RecordPlace {
  file: string;
  line: number;
}

/** Longest `raw` a rejection carries; longer text is cut (the line number finds the rest). */
export const MAX_REJECTED_RAW = 64 * 1024;

const position = (place: RecordPlace) => ({ kind: 'file' as const, file: place.file, line: place.line });
const clip = (raw: string) => (raw.length > MAX_REJECTED_RAW ? raw.slice(0, MAX_REJECTED_RAW) : raw);

/** A row whose field count differs from the header's. */
export function raggedRow(place: RecordPlace, expected: number, got: number, raw: string): Rejection {
  return {
    reason: 'ragged-row',
    message: `${place.file}:${place.line}: expected ${expected} fields, got ${got}`,
    position: position(place),
    raw: clip(raw),
  };
}

/**
 * A quoted field that ran over line breaks into a record of the wrong width: most likely a stray
 * quote. Only the line it opened on is rejected; reading resumes on the next line.
 */
export function splitRecord(
  place: RecordPlace,
  expected: number,
  got: number,
  spread: number,
  raw: string,
): Rejection {
  const why =
    got === expected
      ? 'and text follows its closing quote'
      : `into a record of ${got} fields (expected ${expected})`;
  return {
    reason: 'ragged-row',
    message:
      `${place.file}:${place.line}: a quoted field opened here runs over ${spread} lines ${why}; ` +
      'this line is rejected and reading resumes on the next',
    position: position(place),
    raw: clip(raw),
  };
}

/** A record longer than `maxRecordBytes`; it was skipped unread. */
export function recordTooLarge(place: RecordPlace, max: number): Rejection {
  return {
    reason: 'record-too-large',
    message: `${place.file}:${place.line}: record is longer than ${max} bytes (maxRecordBytes); line skipped`,
    position: position(place),
  };
}

/** A quote still open at the end of input or past `maxRecordBytes`: its first line is rejected. */
export function unterminatedQuote(place: RecordPlace, raw: string | undefined, max: number): Rejection {
  const rejection: Rejection = {
    reason: 'unterminated-quote',
    message:
      `${place.file}:${place.line}: a quoted field opened on this line is not closed before the end ` +
      `of input or within ${max} bytes; this line is rejected and reading resumes on the next`,
    position: position(place),
  };
  if (raw !== undefined) rejection.raw = clip(raw);
  return rejection;
}
