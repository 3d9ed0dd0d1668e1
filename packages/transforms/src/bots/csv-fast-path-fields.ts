/**
 * Byte-level checks of a rees46 event line. Each answers only when the answer is certain: a field
 * it passes is one `BotEventSchema` accepts with the same value; anything else goes to the schema.
 */

// How a column is read: its kind decides what the scan checks while it looks for the delimiter.
export const ANY = 0;
export const TIME = 1;
export const TYPE = 2;
export const ID = 3;
export const PRICE = 4;
/** `user_session` or `ip` as the key: taken as it is. */
export const KEY = 5;
/** `user_id` as the key: an id the schema trims, so both ends must be visible. */
export const TRIMMED_KEY = 6;
const TIME_LENGTH = 23;

/** Where the fields the schema checks and the key are, by header index (`key` -1: no key column). */
export interface EventLayout {
  /** Kind of each column. */
  kinds: Uint8Array;
  time: number;
  key: number;
}

// A delimiter among these could sit inside a time, type or price that the scan skips or reads whole.
const UNSAFE_DELIMITERS = /[0-9A-Za-z_:. -]/;

/**
 * The layout for a header, or undefined when the byte scan cannot decide a record: a column the
 * schema requires is missing (every row is then a rejection, left to the schema to word) or the
 * delimiter is a character of times, types or prices. The last of duplicate names wins, as in a
 * row object.
 */
export function eventLayout(
  header: readonly string[],
  keyBy: 'user_id' | 'user_session' | 'ip',
  delimiter: string,
): EventLayout | undefined {
  const at = (name: string) => header.lastIndexOf(name);
  const required = ['event_time', 'event_type', 'product_id', 'category_id', 'price', 'user_id'];
  if (required.some((name) => at(name) < 0) || UNSAFE_DELIMITERS.test(delimiter)) return undefined;
  const kinds = new Uint8Array(header.length).fill(ANY);
  kinds[at('event_time')] = TIME;
  kinds[at('event_type')] = TYPE;
  for (const id of ['product_id', 'category_id', 'user_id']) kinds[at(id)] = ID;
  kinds[at('price')] = PRICE;
  const key = at(keyBy);
  if (key >= 0) kinds[key] = keyBy === 'user_id' ? TRIMMED_KEY : KEY;
  return { kinds, time: at('event_time'), key };
}

/**
 * Finds the fields of `bytes[start, end)` and checks each as its kind requires, in one pass: field i
 * is `[starts[i], starts[i + 1] - 1)`. False when the line has another field count than the header
 * or a checked field is not plainly valid (the time is only measured here; the time reader checks it).
 */
export function scanFields(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  kinds: Uint8Array,
  starts: Int32Array,
): boolean {
  const last = kinds.length - 1;
  for (let field = 0, from = start; ; field++) {
    starts[field] = from;
    const to = fieldEnd(bytes, from, end, delimiter, kinds[field] as number);
    if (to < 0) return false;
    if (field === last) {
      starts[field + 1] = to + 1;
      return to === end;
    }
    if (to === end) return false;
    from = to + 1;
  }
}

/** Where the field from `from` ends (its delimiter or `end`), or -1 when its kind's check fails. */
function fieldEnd(bytes: Uint8Array, from: number, end: number, delimiter: number, kind: number): number {
  if (kind === TIME) return timeEnd(bytes, from, end, delimiter);
  if (kind === TYPE) return typeEnd(bytes, from, end, delimiter);
  if (kind === PRICE) return priceEnd(bytes, from, end, delimiter);
  // An id that starts with a visible ASCII character is non-empty once trimmed.
  if (kind === ID && !(from < end && bytes[from] !== delimiter && isVisibleAscii(bytes[from] as number))) {
    return -1;
  }
  let i = from;
  while (i < end && bytes[i] !== delimiter) i++;
  return i;
}

const endsAt = (bytes: Uint8Array, at: number, end: number, delimiter: number) =>
  at === end || (at < end && bytes[at] === delimiter);

function timeEnd(bytes: Uint8Array, from: number, end: number, delimiter: number): number {
  return endsAt(bytes, from + TIME_LENGTH, end, delimiter) ? from + TIME_LENGTH : -1;
}

const VIEW = Buffer.from('view');
const CART = Buffer.from('cart');
const PURCHASE = Buffer.from('purchase');
const REMOVE_FROM_CART = Buffer.from('remove_from_cart');

/** The event type is exactly one of the enum's four values. */
function typeEnd(bytes: Uint8Array, from: number, end: number, delimiter: number): number {
  let word: Uint8Array | undefined;
  if (bytes[from] === 0x76) word = VIEW;
  else if (bytes[from] === 0x63) word = CART;
  else if (bytes[from] === 0x70) word = PURCHASE;
  else if (bytes[from] === 0x72) word = REMOVE_FROM_CART;
  if (word === undefined || !same(bytes, from, word)) return -1;
  return endsAt(bytes, from + word.length, end, delimiter) ? from + word.length : -1;
}

function same(bytes: Uint8Array, start: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

/**
 * `-?digits(.digits)?` with at least one digit and at most 300 characters: `Number()` reads it as
 * a finite number. Other spellings (`1e5`, ` 5`, `0x1F`) are left to the schema.
 */
function priceEnd(bytes: Uint8Array, from: number, end: number, delimiter: number): number {
  let i = from;
  if (i < end && bytes[i] === 0x2d) i++;
  let digits = 0;
  for (; i < end && isDigit(bytes[i] as number); i++) digits++;
  if (i < end && bytes[i] === 0x2e) for (i++; i < end && isDigit(bytes[i] as number); i++) digits++;
  return digits > 0 && i - from <= 300 && endsAt(bytes, i, end, delimiter) ? i : -1;
}

/**
 * A key in ASCII, whose bytes are its text whatever the file's encoding. A `user_id` key must also
 * have visible ends, so that trimming leaves it as it is (and it is not empty). The field scan
 * only finds the key's end: a numeric key needs no more, any other is checked here.
 */
export function isPlainKey(bytes: Uint8Array, from: number, to: number, kind: number): boolean {
  let high = 0;
  for (let i = from; i < to; i++) high |= bytes[i] as number;
  if (high >= 0x80) return false;
  return (
    kind !== TRIMMED_KEY ||
    (to > from && isVisibleAscii(bytes[from] as number) && isVisibleAscii(bytes[to - 1] as number))
  );
}

const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isVisibleAscii = (byte: number) => byte > 0x20 && byte < 0x7f;
