import { createHash } from 'node:crypto';
import { EmptyBatchError } from './errors.js';

/**
 * A batch id from the stream positions it covers: `<first>-<last>` sequence numbers. A retried
 * batch gets the same id, so its outputs overwrite themselves instead of duplicating.
 *
 * @example
 * batchIdFromSequenceNumbers(['4960…01', '4960…07']); // '4960…01-4960…07'
 */
export function batchIdFromSequenceNumbers(sequenceNumbers: readonly string[]): string {
  const first = sequenceNumbers[0];
  const last = sequenceNumbers[sequenceNumbers.length - 1];
  if (first === undefined || last === undefined) throw new EmptyBatchError();
  return first === last ? first : `${first}-${last}`;
}

/**
 * A batch id from its content: the first 32 hex digits of the SHA-256 of the records, each
 * length-prefixed so that `['ab','c']` and `['a','bc']` differ.
 *
 * @example
 * batchIdFromContent(['{"machine_id":"15"}', '{"machine_id":"16"}']); // '9f0c…' (32 hex digits)
 */
export function batchIdFromContent(records: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const record of records) {
    const bytes = typeof record === 'string' ? Buffer.from(record, 'utf8') : record;
    hash.update(`${bytes.byteLength}:`).update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The object key of a batch's output: `<prefix><batchId>.<extension>`, e.g.
 * `processed/manufacturing/batch-<id>.jsonl`.
 *
 * @example
 * batchObjectKey('processed/manufacturing/', 'a1b2', 'jsonl'); // 'processed/manufacturing/batch-a1b2.jsonl'
 */
export function batchObjectKey(prefix: string, batchId: string, extension: string): string {
  return `${prefix}batch-${batchId}.${extension}`;
}
