import type { EntryOrRejection } from '../notify/delivery.js';

/** PutRecordBatch limits: 500 records and 4 MiB per call, 1000 KiB per record. */
export const FIREHOSE_LIMITS = {
  recordsPerCall: 500,
  bytesPerCall: 4 * 1024 * 1024,
  bytesPerRecord: 1000 * 1024,
} as const;

const utf8 = new TextEncoder();

/**
 * The bytes a record is sent as: bytes as they are, strings in UTF-8, anything else as one JSON
 * line ending in `\n` — Firehose concatenates records, so a delimiter keeps the S3 object readable.
 *
 * @example encodeFirehoseRecord({ a: 1 }) // bytes of '{"a":1}\n'
 */
export function encodeFirehoseRecord(record: unknown): Uint8Array {
  if (record instanceof Uint8Array) return record;
  return utf8.encode(typeof record === 'string' ? record : `${JSON.stringify(record)}\n`);
}

/** The record's bytes, or its rejection when over the 1000 KiB record limit. */
export function toFirehoseEntry<T>(
  record: T,
  index: number,
  encode: (record: T) => Uint8Array,
): EntryOrRejection<T, Uint8Array> {
  const data = encode(record);
  if (data.length <= FIREHOSE_LIMITS.bytesPerRecord) return { ok: true, entry: data };
  const message = `record ${index} is ${data.length} bytes, over the 1000 KiB record limit`;
  return { ok: false, rejection: { index, record, reason: 'too-large', message } };
}
