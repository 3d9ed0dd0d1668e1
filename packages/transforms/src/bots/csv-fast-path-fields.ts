/**
 * Byte-level checks of a rees46 event line. Each answers only when the answer is certain: a field
 * it passes is one `BotEventSchema` accepts with the same value; anything else goes to the schema.
 */

/** Columns of the fields the schema checks, by header index; `key` is -1 when the column is absent. */
export interface EventLayout {
  fieldCount: number;
  time: number;
  type: number;
  product: number;
  category: number;
  price: number;
  user: number;
  key: number;
  /** `user_id` keys are trimmed by the schema; session and ip keys are taken as they are. */
  keyTrimmed: boolean;
}

/**
 * The layout for a header, or undefined when a column the schema requires is missing (every row
 * is then a rejection, left to the schema to word). The last of duplicate names wins, as in a row object.
 */
export function eventLayout(
  header: readonly string[],
  keyBy: 'user_id' | 'user_session' | 'ip',
): EventLayout | undefined {
  const at = (name: string) => header.lastIndexOf(name);
  const required = ['event_time', 'event_type', 'product_id', 'category_id', 'price', 'user_id'];
  if (required.some((name) => at(name) < 0)) return undefined;
  return {
    fieldCount: header.length,
    time: at('event_time'),
    type: at('event_type'),
    product: at('product_id'),
    category: at('category_id'),
    price: at('price'),
    user: at('user_id'),
    key: at(keyBy),
    keyTrimmed: keyBy === 'user_id',
  };
}

/**
 * Writes where each field starts into `starts` (field i is `[starts[i], starts[i + 1] - 1)`); false
 * when the line does not have exactly `fieldCount` fields.
 */
export function findFieldStarts(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  fieldCount: number,
  starts: Int32Array,
): boolean {
  let field = 0;
  starts[0] = start;
  for (let i = start; i < end; i++) {
    if (bytes[i] !== delimiter) continue;
    if (++field === fieldCount) return false;
    starts[field] = i + 1;
  }
  starts[fieldCount] = end + 1;
  return field === fieldCount - 1;
}

const VIEW = Buffer.from('view');
const CART = Buffer.from('cart');
const PURCHASE = Buffer.from('purchase');
const REMOVE_FROM_CART = Buffer.from('remove_from_cart');

/** The event type is exactly one of the enum's four values. */
export function isEventType(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 4) return same(bytes, start, VIEW) || same(bytes, start, CART);
  if (length === 8) return same(bytes, start, PURCHASE);
  return length === 16 && same(bytes, start, REMOVE_FROM_CART);
}

function same(bytes: Uint8Array, start: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

/**
 * `-?digits(.digits)?` with at least one digit and at most 300 characters: `Number()` reads it as
 * a finite number. Other spellings (`1e5`, ` 5`, `0x1F`) are left to the schema.
 */
export function isPlainNumber(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start > 300) return false;
  let i = start;
  if (i < end && bytes[i] === 0x2d) i++;
  let digits = 0;
  for (; i < end && isDigit(bytes[i] as number); i++) digits++;
  if (i < end && bytes[i] === 0x2e) for (i++; i < end && isDigit(bytes[i] as number); i++) digits++;
  return i === end && digits > 0;
}

/** An id that starts with a visible ASCII character is non-empty once trimmed. */
export function isPresentId(bytes: Uint8Array, start: number, end: number): boolean {
  return start < end && isVisibleAscii(bytes[start] as number);
}

/** A `user_id` key whose ends are visible ASCII: trimming leaves it as it is. */
export function isUntrimmable(bytes: Uint8Array, start: number, end: number): boolean {
  return start < end && isVisibleAscii(bytes[start] as number) && isVisibleAscii(bytes[end - 1] as number);
}

const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isVisibleAscii = (byte: number) => byte > 0x20 && byte < 0x7f;
