import {
  Bool,
  type Data,
  type DataType,
  DateDay,
  Decimal,
  Float64,
  Int32,
  Int64,
  makeData,
  TimestampMillisecond,
} from 'apache-arrow';
import type { ParquetColumn } from './schema.js';
import { Utf8Builder } from './utf8-builder.js';
import { Validity } from './validity.js';
import {
  toBoolean,
  toDouble,
  toEpochDay,
  toEpochMillis,
  toInt32,
  toInt64,
  toSmallUnscaledDecimal,
  toUnscaledDecimal,
} from './values.js';

/** Collects one column's values for a record batch. */
export interface ColumnBuilder {
  readonly length: number;
  /** Appends a value (null and undefined are nulls); false, appending nothing, if it does not fit. */
  append(value: unknown): boolean;
  /** Drops the values from index `length` on, when a later column of the same row did not fit. */
  truncate(length: number): void;
  /** The Arrow data of everything appended, leaving the builder empty for the next batch. */
  finish(): Data;
}

type Slots = Int32Array | Uint32Array | BigInt64Array | Float64Array;

/** A fixed-width column: each value converts to `width` slots of a typed array. */
class FixedWidthBuilder implements ColumnBuilder {
  length = 0;
  readonly #validity: Validity;
  #slots: Slots;

  constructor(
    readonly column: ParquetColumn,
    readonly type: DataType,
    readonly width: number,
    readonly allocate: (size: number) => Slots,
    readonly store: (slots: Slots, index: number, value: unknown) => boolean,
    capacity: number,
  ) {
    this.#validity = new Validity(capacity);
    this.#slots = allocate(capacity * width);
  }

  append(value: unknown): boolean {
    if (value === null || value === undefined) return this.#appendNull();
    if ((this.length + 1) * this.width > this.#slots.length) this.#grow();
    if (!this.store(this.#slots, this.length, value)) return false;
    this.#validity.set(this.length++, true);
    return true;
  }

  truncate(length: number): void {
    this.#validity.forget(length, this.length);
    this.length = length;
  }

  finish(): Data {
    const { length, type } = this;
    const nullCount = this.#validity.nullCount;
    const nullBitmap = this.#validity.take(length);
    const data = this.#slots.slice(0, length * this.width);
    this.length = 0;
    return makeData({ type, length, nullCount, nullBitmap, data } as Parameters<typeof makeData>[0]);
  }

  #appendNull(): boolean {
    if (!this.column.nullable) return false;
    // The slots under a null keep whatever they held: readers ignore them.
    if ((this.length + 1) * this.width > this.#slots.length) this.#grow();
    this.#validity.set(this.length++, false);
    return true;
  }

  #grow(): void {
    const bigger = this.allocate(Math.max(this.width, this.#slots.length * 2));
    bigger.set(this.#slots as never);
    this.#slots = bigger;
  }
}

/** Booleans are bits, so they get their own small builder. */
class BooleanBuilder implements ColumnBuilder {
  length = 0;
  readonly #validity: Validity;
  readonly #values: Validity;

  constructor(
    readonly column: ParquetColumn,
    capacity: number,
  ) {
    this.#validity = new Validity(capacity);
    this.#values = new Validity(capacity);
  }

  append(value: unknown): boolean {
    const present = value !== null && value !== undefined;
    const bit = present ? toBoolean(value) : false;
    if (bit === undefined || (!present && !this.column.nullable)) return false;
    this.#values.set(this.length, bit);
    this.#validity.set(this.length++, present);
    return true;
  }

  truncate(length: number): void {
    this.#validity.forget(length, this.length);
    this.#values.forget(length, this.length);
    this.length = length;
  }

  finish(): Data {
    const { length } = this;
    const nullCount = this.#validity.nullCount;
    const nullBitmap = this.#validity.take(length);
    // `take` returns undefined when no bit was cleared, i.e. every value is true.
    const data = this.#values.take(length) ?? new Uint8Array(Math.ceil(length / 8)).fill(0xff);
    this.length = 0;
    return makeData({ type: new Bool(), length, nullCount, nullBitmap, data });
  }
}

/** A builder for one declared column, sized for `capacity` rows (it grows if given more). */
export function columnBuilder(column: ParquetColumn, capacity: number): ColumnBuilder {
  const fixed = (type: DataType, width: number, allocate: (n: number) => Slots, store: Store) =>
    new FixedWidthBuilder(column, type, width, allocate, store, capacity);
  switch (column.type) {
    case 'string':
      return new Utf8Builder(column, capacity);
    case 'boolean':
      return new BooleanBuilder(column, capacity);
    case 'int32':
      return fixed(new Int32(), 1, (n) => new Int32Array(n), storeWith(toInt32));
    case 'int64':
      return fixed(new Int64(), 1, (n) => new BigInt64Array(n), storeWith(toInt64));
    case 'double':
      return fixed(new Float64(), 1, (n) => new Float64Array(n), storeWith(toDouble));
    case 'date':
      return fixed(new DateDay(), 1, (n) => new Int32Array(n), storeWith(toEpochDay));
    case 'timestamp':
      return fixed(new TimestampMillisecond(), 1, (n) => new BigInt64Array(n), storeWith(toEpochMillis));
    case 'decimal':
      // Arrow JS keeps Decimal128 values as four 32-bit words each.
      return fixed(decimalType(column), 4, (n) => new Uint32Array(n), storeDecimal(column));
  }
}

type Store = (slots: Slots, index: number, value: unknown) => boolean;

function storeWith(convert: (value: unknown) => number | bigint | undefined): Store {
  return (slots, index, value) => {
    const converted = convert(value);
    if (converted === undefined) return false;
    slots[index] = converted as never;
    return true;
  };
}

function decimalType(column: ParquetColumn): DataType {
  return new Decimal(column.scale, column.precision, 128);
}

// A Decimal128 is a little-endian two's-complement 128-bit integer, here as four 32-bit words.
function storeDecimal(column: ParquetColumn): Store {
  const { precision, scale } = column;
  return (slots, index, value) => {
    const small = typeof value === 'string' ? toSmallUnscaledDecimal(value, precision, scale) : undefined;
    if (small !== undefined) return storeSmallDecimal(slots as Uint32Array, index * 4, small);
    const unscaled = toUnscaledDecimal(value, precision, scale);
    if (unscaled === undefined) return false;
    for (let word = 0; word < 4; word++)
      (slots as Uint32Array)[index * 4 + word] = Number(BigInt.asUintN(32, unscaled >> BigInt(32 * word)));
    return true;
  };
}

/** Words of a safe integer without a BigInt: the low word, the high word, then the sign extension. */
function storeSmallDecimal(words: Uint32Array, at: number, unscaled: number): boolean {
  const high = Math.floor(unscaled / 2 ** 32);
  words[at] = unscaled - high * 2 ** 32;
  words[at + 1] = high >>> 0;
  words[at + 2] = words[at + 3] = unscaled < 0 ? 0xffffffff : 0;
  return true;
}
