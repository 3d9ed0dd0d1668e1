import type { Rejection } from '../outcome/outcome.js';

/** Where a scanned record sits, for building rejections. */
export interface RecordPlace {
  file: string;
  line: number;
}

/** A row whose field count differs from the header's. */
export function raggedRow(place: RecordPlace, expected: number, got: number, raw: string): Rejection {
  return {
    reason: 'ragged-row',
    message: `expected ${expected} fields, got ${got}, at ${place.file}:${place.line}`,
    position: { kind: 'file', file: place.file, line: place.line },
    raw,
  };
}

/** A field longer than `maxFieldBytes`; the rest of its record was skipped unread. */
export function fieldTooLarge(place: RecordPlace, column: number, name: string | undefined, max: number) {
  const label = name === undefined ? `field ${column}` : `field ${column} (${name})`;
  const rejection: Rejection = {
    reason: 'field-too-large',
    message: `${label} is longer than ${max} characters at ${place.file}:${place.line}; record skipped`,
    position: { kind: 'file', file: place.file, line: place.line },
  };
  if (name !== undefined && rejection.position?.kind === 'file') rejection.position.column = name;
  return rejection;
}

/** A record longer than `maxRecordBytes`; it was skipped unread. */
export function recordTooLarge(place: RecordPlace, max: number): Rejection {
  return {
    reason: 'record-too-large',
    message: `record is longer than ${max} characters at ${place.file}:${place.line}; record skipped`,
    position: { kind: 'file', file: place.file, line: place.line },
  };
}

/** A quoted field still open when the input ended. */
export function unterminatedQuote(place: RecordPlace, column: number, raw: string): Rejection {
  return {
    reason: 'unterminated-quote',
    message: `quoted field ${column} opened at ${place.file}:${place.line} is not closed before the end of input`,
    position: { kind: 'file', file: place.file, line: place.line },
    raw,
  };
}
