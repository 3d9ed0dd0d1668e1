import { asciiDigits, textDigits } from '../ascii-bytes.js';

/**
 * How the window counter holds a key. A key that is a canonical non-negative decimal integer (no
 * sign, no leading zero, at most 15 digits, so exact as a double) is held as that number: a Map
 * hashes a number far faster than a fresh string, and the byte scan then makes no string per event.
 * Any other key stays a string. The rule is a bijection (`'7'` ↔ `7`; `'007'` stays `'007'`), so every
 * way in (byte scan, `BotDetector.push`, `restore`) counts the same user under the same key.
 */
export type CounterKey = string | number;

/** Past 15 digits a decimal id may not be exact as a double, so it stays a string. */
const NUMERIC_KEY_DIGITS = 15;
const NUMERIC_KEY_LIMIT = 10 ** NUMERIC_KEY_DIGITS;

/**
 * The counter's form of a key.
 *
 * @example counterKey('520088904') // 520088904; counterKey('007') // '007'
 */
export function counterKey(key: string | number): CounterKey {
  if (typeof key === 'number') {
    return Number.isInteger(key) && key >= 0 && key < NUMERIC_KEY_LIMIT ? key + 0 : counterKey(String(key));
  }
  const value = numericKey(key);
  return value < 0 ? key : value;
}

/** A key as detections and snapshots carry it: always its text. */
export const keyText = (key: CounterKey): string => (typeof key === 'number' ? String(key) : key);

/** The number a canonical integer key stands for, or -1. */
function numericKey(key: string): number {
  const length = key.length;
  if (length === 0 || length > NUMERIC_KEY_DIGITS || (length > 1 && key.charCodeAt(0) === 0x30)) return -1;
  return textDigits(key, 0, length);
}

/**
 * {@link counterKey} of the ASCII key `bytes[start, end)` when it is numeric, without a string; -1
 * when the key must be read as text.
 */
export function numericKeyInBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > NUMERIC_KEY_DIGITS || (length > 1 && bytes[start] === 0x30)) return -1;
  return asciiDigits(bytes, start, end);
}
