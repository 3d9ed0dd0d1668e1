// In-process runs hand a handler its records' text without decoding base64 again. A local runner
// builds AWS-shaped events (base64 `data` and all) and remembers here the text each record's data
// encodes; the decoders look here first. Events from anywhere else are not in the map and decode
// as before, and a parsed record carries its event record's text on.
const texts = new WeakMap<object, string>();

/**
 * Remembers that `holder.data` is the base64 of `text` in UTF-8. `text` must be well-formed (see
 * {@link wellFormedText}), so decoding the bytes would give it back.
 *
 * @example rememberPayloadText(event.Records[0].kinesis, '{"a":1}')
 */
export function rememberPayloadText<T extends object>(holder: T, text: string): T {
  texts.set(holder, text);
  return holder;
}

/** The text a record's `data` encodes, when a local runner built it; else undefined. */
export function payloadTextOf(holder: object): string | undefined {
  return texts.get(holder);
}

/** The payload as text when it round-trips through UTF-8 unchanged; else undefined (send bytes). */
export function wellFormedText(payload: unknown): string | undefined {
  if (payload instanceof Uint8Array) return undefined;
  const text: string | undefined = typeof payload === 'string' ? payload : JSON.stringify(payload);
  // String.prototype.isWellFormed is in Node 20, not yet in the ES2023 lib.
  return text !== undefined && (text as string & { isWellFormed(): boolean }).isWellFormed()
    ? text
    : undefined;
}
