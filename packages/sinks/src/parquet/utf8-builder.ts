import { type Data, makeData, Utf8 } from 'apache-arrow';
import type { ColumnBuilder } from './column-builders.js';
import type { ParquetColumn } from './schema.js';
import { Validity } from './validity.js';

const encoder = new TextEncoder();
const SHORT_TEXT = 32;

/**
 * Builds an Arrow Utf8 column straight from offsets and UTF-8 bytes: `vectorFromArray` on strings
 * is an order of magnitude slower. Numbers, bigints and booleans are written as their text, Dates in ISO 8601.
 */
export class Utf8Builder implements ColumnBuilder {
  length = 0;
  readonly #validity: Validity;
  #offsets: Int32Array;
  #bytes: Uint8Array;

  constructor(
    readonly column: ParquetColumn,
    capacity: number,
  ) {
    this.#validity = new Validity(capacity);
    this.#offsets = new Int32Array(capacity + 1);
    this.#bytes = new Uint8Array(Math.max(1024, capacity * 16));
  }

  append(value: unknown): boolean {
    const text = typeof value === 'string' ? value : asText(value);
    if (text === undefined && (!this.column.nullable || (value !== null && value !== undefined)))
      return false;
    if (this.length + 1 >= this.#offsets.length) this.#growOffsets();
    const start = this.#offsets[this.length] as number;
    const written = text ? this.#write(text, start) : 0;
    this.#offsets[this.length + 1] = start + written;
    this.#validity.set(this.length++, text !== undefined);
    return true;
  }

  truncate(length: number): void {
    this.#validity.forget(length, this.length);
    this.length = length;
  }

  finish(): Data<Utf8> {
    const { length } = this;
    const nullCount = this.#validity.nullCount;
    const nullBitmap = this.#validity.take(length);
    const valueOffsets = this.#offsets.slice(0, length + 1);
    const data = this.#bytes.slice(0, valueOffsets[length]);
    this.length = 0;
    return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data });
  }

  #write(text: string, start: number): number {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
    if (start + text.length * 3 > this.#bytes.length) this.#growBytes(start + text.length * 3);
    const bytes = this.#bytes;
    // Short ASCII values (ids, codes, statuses) are copied directly: cheaper than a call to encodeInto.
    if (text.length <= SHORT_TEXT) {
      let i = 0;
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code > 0x7f) break;
        bytes[start + i] = code;
      }
      if (i === text.length) return i;
    }
    return encoder.encodeInto(text, bytes.subarray(start)).written;
  }

  #growBytes(needed: number): void {
    const bigger = new Uint8Array(Math.max(needed, this.#bytes.length * 2));
    bigger.set(this.#bytes);
    this.#bytes = bigger;
  }

  #growOffsets(): void {
    const bigger = new Int32Array(this.#offsets.length * 2);
    bigger.set(this.#offsets);
    this.#offsets = bigger;
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}
