import type { Item } from '../dynamodb/key-value-sink.js';

/**
 * Whether JSON gives the value back as it is: no undefined, -0, NaN, ±Infinity, or non-plain
 * objects (binary, sets, maps, bigints).
 *
 * @example jsonExact({ id: 'a', n: 1 }) // true; jsonExact({ bytes: new Uint8Array(1) }) // false
 */
export function jsonExact(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonExact(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const name in value) if (!jsonExact((value as Record<string, unknown>)[name])) return false;
  return true;
}

/**
 * A deep copy: plain maps and lists by hand (structuredClone costs ~15 µs an item), the rest cloned.
 *
 * @example const mine = copyValue(item); // later changes to item leave mine as it was
 */
export function copyValue<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyValue) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const name in value) copy[name] = copyValue((value as Record<string, unknown>)[name]);
  return copy as T;
}

/**
 * The value at a path of map attributes, or undefined where the path leaves the maps.
 *
 * @example valueAt({ Notification: { status: 'pending' } }, ['Notification', 'status']) // 'pending'
 */
export function valueAt(item: Item, path: readonly string[]): unknown {
  let value: unknown = item;
  for (const name of path) value = isMap(value) ? value[name] : undefined;
  return value;
}

/**
 * Whether a value is a map attribute (a plain object, not a list or bytes).
 *
 * @example isMap({ a: 1 }) // true; isMap([1]) // false
 */
export function isMap(value: unknown): value is Item {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
