import { decodeBytes } from './csv-fields.js';
import type { TextEncodingName } from './text-decoding.js';

/** One CSV row as read: its fields and the physical lines it spans. */
export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Physical line where it ends (greater than `line` when a quoted field holds line breaks). */
  endLine: number;
  /** The record's exact text, without its line terminator (only when asked for). */
  raw?: string;
}

/**
 * A record without quotes, seen as bytes: what a byte rule reads before (or instead of) decoding
 * it. The scanner reuses one instance for every record, so a rule must not keep it.
 *
 * @example
 * // the third field's first byte, without making a string
 * const first = line.bytes[line.fieldStart(2)];
 */
export class CsvLine {
  bytes: Buffer = Buffer.alloc(0);
  start = 0;
  /** End of the record's text (its terminator excluded). */
  end = 0;
  line = 0;
  /** `starts[i]` is where field i begins; `starts[fieldCount]` is `end + 1`. */
  readonly starts: Int32Array;
  readonly fieldCount: number;
  readonly #encoding: TextEncodingName;

  constructor(fieldCount: number, encoding: TextEncodingName) {
    this.fieldCount = fieldCount;
    this.starts = new Int32Array(fieldCount + 1);
    this.#encoding = encoding;
  }

  fieldStart(index: number): number {
    return this.starts[index] as number;
  }

  /** Where field `index` ends (its delimiter, or the record's end). */
  fieldEnd(index: number): number {
    return (this.starts[index + 1] as number) - 1;
  }

  /** Field `index`, decoded as the reader decodes every value. */
  field(index: number): string {
    const start = this.starts[index] as number;
    const end = (this.starts[index + 1] as number) - 1;
    return decodeBytes(this.bytes, start, end, this.#encoding);
  }

  fields(): string[] {
    const fields = new Array<string>(this.fieldCount);
    for (let i = 0; i < this.fieldCount; i++) fields[i] = this.field(i);
    return fields;
  }

  /** The record's text, decoded. */
  text(): string {
    return decodeBytes(this.bytes, this.start, this.end, this.#encoding);
  }

  toRecord(): CsvRecord {
    return { fields: this.fields(), line: this.line, endLine: this.line };
  }
}
