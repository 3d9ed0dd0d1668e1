import { createHash, type Hash } from 'node:crypto';
import type { Row } from '../formats/file-format.js';

/**
 * A running SHA-256 over the rows of one file, so a file's name follows from its content: a
 * retried write produces the same names and replaces its files instead of adding copies.
 */
export class ContentHash {
  #hash: Hash = createHash('sha256');

  add(row: Row): void {
    this.#hash.update(canonicalJson(row));
    this.#hash.update('\n');
  }

  /** The first 16 hex digits of the hash so far; starts a new hash. */
  take(): string {
    const digest = this.#hash.digest('hex').slice(0, 16);
    this.#hash = createHash('sha256');
    return digest;
  }
}

/** The first 16 hex digits of the SHA-256 of the rows, one canonical JSON line each. */
export function contentId(rows: readonly Row[]): string {
  const hash = new ContentHash();
  for (const row of rows) hash.add(row);
  return hash.take();
}

function canonicalJson(row: Row): string {
  try {
    // A replacer slows JSON.stringify threefold: only rows with a bigint need one.
    return JSON.stringify(row);
  } catch {}
  try {
    return JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? `${value}n` : value));
  } catch {
    // A row with no JSON form (a cycle) still needs a stable name; the format will reject it.
    return Object.keys(row).join(',');
  }
}
