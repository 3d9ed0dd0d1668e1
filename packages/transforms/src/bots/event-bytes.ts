import type { CsvLine } from '@sluice/core/codecs';
import { numericKeyInBytes } from './counter-key.js';
import type { BotEventColumns } from './event-columns.js';
import { readEventTime } from './event-time.js';

/** Longest price checked from bytes: `Number()` reads any `-?digits(.digits)?` this long as finite. */
const LONGEST_PRICE = 300;
const EVENT_TYPES = ['view', 'cart', 'remove_from_cart', 'purchase'].map((type) => Buffer.from(type));

/**
 * The byte rule of bot detection: reads a CSV line's event time and key from its bytes, with no
 * string but the key's, when the bytes show that `checkBotEvent` accepts the line and what it
 * reads. It answers only when it is sure: `read` returns false for anything else (another spelling
 * of a price, a spaced or non-ASCII `user_id`, …), and the record rule decides. A differential test
 * (event-rules.test.ts) holds it to the schema.
 *
 * @example if (bytes.read(line)) counter.add(bytes.key, bytes.time, out); else return 'parse';
 */
export class BotEventBytes {
  /** Epoch ms of the line last read. */
  time = 0;
  /** Its key as the window counter holds it (see `counterKey`); '' for none. */
  key: string | number = '';
  readonly #at: BotEventColumns['at'];
  readonly #key: number;
  readonly #trimmedKey: boolean;

  constructor(columns: BotEventColumns, keyBy: 'user_id' | 'user_session' | 'ip') {
    this.#at = columns.at;
    this.#key = columns.at[keyBy];
    this.#trimmedKey = keyBy === 'user_id';
  }

  /** True when the line is an event the schema accepts; `time` and `key` then hold what it reads. */
  read(line: CsvLine): boolean {
    const at = this.#at;
    const bytes = line.bytes;
    if (!isEventType(bytes, line.fieldStart(at.event_type), line.fieldEnd(at.event_type))) return false;
    if (!isPrice(bytes, line.fieldStart(at.price), line.fieldEnd(at.price))) return false;
    if (!isId(bytes, line.fieldStart(at.product_id), line.fieldEnd(at.product_id))) return false;
    if (!isId(bytes, line.fieldStart(at.category_id), line.fieldEnd(at.category_id))) return false;
    if (!isId(bytes, line.fieldStart(at.user_id), line.fieldEnd(at.user_id))) return false;
    this.time = readEventTime(bytes, line.fieldStart(at.event_time), line.fieldEnd(at.event_time));
    return !Number.isNaN(this.time) && this.#readKey(line);
  }

  #readKey(line: CsvLine): boolean {
    const at = this.#key;
    const id = this.#trimmedKey ? numericKeyInBytes(line.bytes, line.fieldStart(at), line.fieldEnd(at)) : -1;
    if (id >= 0) {
      this.key = id;
      return true;
    }
    const text = line.field(at); // decoded as the reader decodes every value
    this.key = text;
    // The schema trims a user_id: as written, it is the key only if trimming leaves it as it is.
    return !this.#trimmedKey || text === text.trim();
  }
}

/** A non-empty id once trimmed: one that starts with a visible ASCII character. */
function isId(bytes: Buffer, start: number, end: number): boolean {
  return start < end && isVisibleAscii(bytes, start);
}

function isEventType(bytes: Buffer, start: number, end: number): boolean {
  for (const type of EVENT_TYPES) if (same(bytes, start, end, type)) return true;
  return false;
}

function same(bytes: Buffer, start: number, end: number, word: Buffer): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

/** `-?digits(.digits)?` with at least one digit: what `Number()` reads as finite without doubt. */
function isPrice(bytes: Buffer, start: number, end: number): boolean {
  if (end - start > LONGEST_PRICE) return false;
  let i = start;
  if (bytes[i] === 0x2d) i++;
  let digits = 0;
  for (; i < end && isDigit(bytes[i] as number); i++) digits++;
  if (i < end && bytes[i] === 0x2e) for (i++; i < end && isDigit(bytes[i] as number); i++) digits++;
  return digits > 0 && i === end;
}

const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isVisibleAscii = (bytes: Buffer, at: number) =>
  (bytes[at] as number) > 0x20 && (bytes[at] as number) < 0x7f;
