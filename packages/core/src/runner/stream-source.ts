/** Records the runner reads: an async iterable (a generator, a file reader) or a plain array. */
export type RecordSource<I> = AsyncIterable<I> | Iterable<I>;

/** A payload: text (UTF-8), bytes, or a value serialised as JSON. */
export type RecordPayload = string | Uint8Array | Record<string, unknown> | unknown[];

/** The payload's bytes as the service would carry them. */
export function payloadBytes(payload: RecordPayload): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

/** Zero-pads a counter so generated ids sort the way they were issued. */
export function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
