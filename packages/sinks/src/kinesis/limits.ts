import type { Undelivered } from '../notify/delivery.js';

/** PutRecords limits: 500 records and 5 MiB per call, 1 MiB per record (data + partition key). */
export const KINESIS_LIMITS = {
  recordsPerCall: 500,
  bytesPerCall: 5 * 1024 * 1024,
  bytesPerRecord: 1024 * 1024,
  partitionKeyChars: 256,
} as const;

/** One PutRecords entry and the bytes it counts against the limits. */
export interface KinesisEntry {
  data: Uint8Array;
  partitionKey: string;
  bytes: number;
}

const utf8 = new TextEncoder();

/** The bytes a record is sent as: strings in UTF-8, bytes as they are, anything else as JSON. */
export function encodeRecord(record: unknown): Uint8Array {
  if (record instanceof Uint8Array) return record;
  return utf8.encode(typeof record === 'string' ? record : JSON.stringify(record));
}

/**
 * Builds the entry for one record, or says why it cannot be sent: a partition key must have
 * 1–256 characters and data + key must fit in 1 MiB.
 *
 * @example toKinesisEntry({ user: 'u1' }, 'u1', 0) // { ok: true, entry: { data, partitionKey: 'u1', bytes: 16 } }
 */
export function toKinesisEntry<T>(
  record: T,
  partitionKey: string,
  index: number,
  encode: (record: T) => Uint8Array = encodeRecord,
): { ok: true; entry: KinesisEntry } | { ok: false; rejection: Undelivered<T> } {
  const chars = [...partitionKey].length;
  if (chars < 1 || chars > KINESIS_LIMITS.partitionKeyChars) {
    const message = `record ${index}: partition key has ${chars} characters, allowed 1–256`;
    return { ok: false, rejection: { index, record, reason: 'invalid-partition-key', message } };
  }
  const data = encode(record);
  const bytes = data.length + utf8.encode(partitionKey).length;
  if (bytes > KINESIS_LIMITS.bytesPerRecord) {
    const message = `record ${index} (partition key ${partitionKey}) is ${bytes} bytes, over the 1 MiB record limit`;
    return { ok: false, rejection: { index, record, reason: 'too-large', message } };
  }
  return { ok: true, entry: { data, partitionKey, bytes } };
}
