import { createHash } from 'node:crypto';

/**
 * A content fingerprint: SHA-256 of the value's canonical JSON (object keys sorted), so two
 * deliveries of the same content agree whatever order their fields arrived in.
 *
 * @example contentFingerprint({ b: 1, a: 2 }) === contentFingerprint({ a: 2, b: 1 }) // true
 */
export function contentFingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Set) return canonicalJson([...value].map(canonicalJson).sort());
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (typeof value === 'bigint') return value.toString();
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether a stored item holds the same content as an incoming one: by the stored fingerprint when
 * there is one, else (an item first written by writeBatch or upsert) by comparing content.
 *
 * @example sameStoredContent(existing, incoming, contentFingerprint(incoming), 'fingerprint')
 */
export function sameStoredContent(
  existing: Record<string, unknown>,
  item: Record<string, unknown>,
  fingerprint: string,
  attribute: string,
): boolean {
  const stored = existing[attribute];
  if (stored !== undefined) return stored === fingerprint;
  return contentFingerprint(existing) === contentFingerprint(item);
}
