// In-process runs hand a handler its records' text without decoding base64 again. A local runner
// builds AWS-shaped events (base64 `data` and all) and puts the text each record's data encodes
// under a symbol key, which JSON.stringify and structuredClone leave out, so a serialised event is
// exactly AWS's. The decoders look there first; events from anywhere else have no such key and
// decode as before. (A WeakMap cost 10–20× more per record, and GC time as it grew.)
const LOCAL_TEXT = Symbol('sluice.localPayloadText');

type Holder = { [LOCAL_TEXT]?: string };

/**
 * Remembers that `holder.data` is the base64 of `text` in UTF-8. `text` must be well-formed (see
 * {@link wellFormedText}), so decoding the bytes would give it back.
 *
 * @example rememberPayloadText(event.Records[0].kinesis, '{"a":1}')
 */
export function rememberPayloadText<T extends object>(holder: T, text: string): T {
  (holder as Holder)[LOCAL_TEXT] = text;
  return holder;
}

/** The text a record's `data` encodes, when a local runner built it; else undefined. */
export function payloadTextOf(holder: object): string | undefined {
  return (holder as Holder)[LOCAL_TEXT];
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
