/** DynamoDB's limit on one item: 400 KB, attribute names and values together. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** DynamoDB's limits on key values: a partition key up to 2,048 bytes, a sort key up to 1,024. */
export const MAX_KEY_BYTES = { partition: 2048, sort: 1024 } as const;

// Counts without encoding: an item's size is checked on every write, and encoding allocated per attribute.
const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The bytes a key value counts against {@link MAX_KEY_BYTES}: UTF-8 bytes of a string, length of
 * binary. Numbers are not limited this way (DynamoDB caps their digits instead), so they count 0.
 *
 * @example keyValueSize('TX-€') // 6
 */
export function keyValueSize(value: unknown): number {
  if (typeof value === 'string') return utf8Length(value);
  return value instanceof Uint8Array ? value.length : 0;
}

/** How strings and numbers are counted: exactly, or at most (no encoding, no number text). */
interface Measure {
  text(value: string): number;
  number(value: number | bigint): number;
}

const EXACT: Measure = { text: utf8Length, number: (value) => numberSize(String(value)) };

// A UTF-16 unit is at most 3 UTF-8 bytes; a double has at most 17 significant digits (1 + 9 + 1).
const AT_MOST: Measure = {
  text: (value) => 3 * value.length,
  number: (value) => (typeof value === 'number' ? 11 : numberSize(String(value))),
};

/**
 * The size DynamoDB charges for an item, following its published rule: each attribute counts the
 * UTF-8 bytes of its name plus its value (strings in UTF-8, numbers 1 byte per two significant
 * digits + 1, binary by length, booleans and null 1 byte, lists and maps 3 bytes + 1 per element).
 * `undefined` attributes count nothing: the sink removes them before writing.
 *
 * @example dynamoItemSize({ id: 'a1', count: 12 }) // 2 + 2 + 5 + 2 = 11
 */
export function dynamoItemSize(item: Record<string, unknown>): number {
  return mapSize(item, 0, EXACT);
}

/**
 * An upper bound of {@link dynamoItemSize} counted without encoding anything (3 bytes per UTF-16
 * unit, 11 per number): an item under the limit by this count needs no exact count.
 *
 * @example dynamoItemSizeAtMost({ id: 'a1' }) // 12, where dynamoItemSize gives 4
 */
export function dynamoItemSizeAtMost(item: Record<string, unknown>): number {
  return mapSizeAtMost(item, 0);
}

/**
 * `mapSize(entries, perEntry, AT_MOST)` with strings, numbers and maps counted inline: every write
 * bounds its item, and the measure's calls were most of that count's time.
 */
function mapSizeAtMost(entries: Record<string, unknown>, perEntry: number): number {
  let size = 0;
  for (const name in entries) {
    const value = entries[name];
    if (value === undefined || !Object.hasOwn(entries, name)) continue;
    size += perEntry + 3 * name.length;
    if (typeof value === 'string') size += 3 * value.length;
    else if (typeof value === 'number') size += 11;
    else if (isPlainMap(value)) size += 3 + mapSizeAtMost(value, 1);
    else size += valueSize(value, AT_MOST);
  }
  return size;
}

const isPlainMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function valueSize(value: unknown, measure: Measure): number {
  if (typeof value === 'string') return measure.text(value);
  if (typeof value === 'number' || typeof value === 'bigint') return measure.number(value);
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof Set) return setSize(value, measure);
  if (Array.isArray(value)) return listSize(value, measure);
  if (value instanceof Map) return 3 + mapSize(Object.fromEntries(value), 1, measure);
  if (typeof value === 'object') return 3 + mapSize(value as Record<string, unknown>, 1, measure);
  return 0;
}

/**
 * 1 byte per two significant digits (leading and trailing zeros left out, the exponent too) + 1,
 * and 1 more for a minus sign. Counted in one pass: every number of every write is sized.
 */
function numberSize(text: string): number {
  let digits = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 101 || code === 69) break; // e, E
    if (code < 48 || code > 57) continue;
    if (code !== 48) {
      if (first < 0) first = digits;
      last = digits;
    }
    digits++;
  }
  if (first < 0) return 1;
  return 1 + Math.ceil((last - first + 1) / 2) + (text.startsWith('-') ? 1 : 0);
}

function listSize(values: readonly unknown[], measure: Measure): number {
  let size = 3;
  for (const value of values) size += 1 + valueSize(value, measure);
  return size;
}

/** The attributes' sizes; `perEntry` is what each entry of a nested map adds (1), an item's 0. */
function mapSize(entries: Record<string, unknown>, perEntry: number, measure: Measure): number {
  let size = 0;
  for (const name in entries) {
    const value = entries[name];
    if (value === undefined || !Object.hasOwn(entries, name)) continue;
    size += perEntry + measure.text(name) + valueSize(value, measure);
  }
  return size;
}

function setSize(values: Set<unknown>, measure: Measure): number {
  let size = 0;
  for (const value of values) size += valueSize(value, measure);
  return size;
}
