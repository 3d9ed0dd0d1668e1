import { InvalidObjectKeyError } from './errors.js';

/**
 * Rejects keys that could escape a store's root or that S3 would treat differently from a
 * directory: empty keys, absolute paths, `.`/`..` segments, empty segments, NUL and backslash.
 */
export function assertObjectKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw new InvalidObjectKeyError(key, problem);
}

function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (key.length > 1024) return 'it is longer than 1024 characters';
  if (key.startsWith('/')) return 'it starts with "/"';
  if (key.includes('\\') || key.includes('\0')) return 'it contains "\\" or NUL';
  for (const segment of key.split('/')) {
    if (segment === '.' || segment === '..') return `it contains a "${segment}" segment`;
    if (segment === '' && !key.endsWith('/')) return 'it contains an empty segment';
  }
  if (key.endsWith('/')) return 'it ends with "/"';
  return undefined;
}

/** Converts any body to one buffer; streams are concatenated. */
export async function collectBody(
  body: Uint8Array | string | AsyncIterable<Uint8Array>,
): Promise<Uint8Array> {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Decodes a list cursor (the last key of the previous page). */
export function pageAfter<T extends { key: string }>(sorted: T[], cursor: string | undefined, limit: number) {
  const start = cursor === undefined ? 0 : firstIndexAfter(sorted, cursor);
  const objects = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  const last = objects.at(-1);
  return more && last ? { objects, cursor: last.key } : { objects };
}

function firstIndexAfter<T extends { key: string }>(sorted: T[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as T).key <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}
