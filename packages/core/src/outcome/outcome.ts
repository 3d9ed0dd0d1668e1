/** Where a record came from, so a rejected record can be found again. */
export type SourcePosition =
  | { kind: 'file'; file: string; line: number; endLine?: number; column?: string }
  | { kind: 'stream'; stream: string; sequenceNumber: string; partitionKey?: string }
  | { kind: 'message'; messageId: string };

/** A record that could not be read or validated, bound for the quarantine sink. */
export interface Rejection {
  /** Short, countable reason, e.g. `ragged-row`, `invalid-date`, `schema`. */
  reason: string;
  /** Human-readable detail naming the field and the problem. */
  message: string;
  position?: SourcePosition;
  /** The raw input (line text, message body) when it is small enough to keep. */
  raw?: string;
}

/** What a source yields: a readable record with its position, or a rejection found while reading. */
export type SourceRecord<T> =
  | { ok: true; value: T; position?: SourcePosition }
  | { ok: false; rejection: Rejection };

/** How a stage decided about one record. */
export type Outcome<T> =
  | { kind: 'kept'; value: T }
  | { kind: 'dropped'; reason: string }
  | { kind: 'rejected'; reason: string; message: string };

/** @example `return kept(order)` */
export const kept = <T>(value: T): Outcome<T> => ({ kind: 'kept', value });

/** @example `return dropped('stale')` */
export const dropped = (reason: string): Outcome<never> => ({ kind: 'dropped', reason });

/** @example `return rejected('invalid-date', 'orderdate "2025-02-30" is not a date')` */
export const rejected = (reason: string, message: string): Outcome<never> => ({
  kind: 'rejected',
  reason,
  message,
});

/** Formats a position for error messages: `orders.csv:12`, `stream#4957…`, `message 6f1c…`. */
export function describePosition(position: SourcePosition | undefined): string {
  if (!position) return 'unknown position';
  if (position.kind === 'file') return `${position.file}:${position.line}`;
  if (position.kind === 'stream') return `${position.stream}#${position.sequenceNumber}`;
  return `message ${position.messageId}`;
}
