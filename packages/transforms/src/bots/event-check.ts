// The rules of a bot event, field by field: the one definition that checkBotEvent (and so
// BotEventSchema), the byte rule's differential test and the CSV column finder all read. No zod here:
// a handler that validates events bundles none.
import { parseEventTime } from './event-time.js';
import type { BotEvent } from './schema.js';

/** What {@link checkBotEvent} returns: the event, or its issues (Standard Schema issues: message and field). */
export type BotEventCheck = { value: BotEvent } | { issues: { message: string; path: string[] }[] };

const EVENT_TYPES = new Set(['view', 'cart', 'remove_from_cart', 'purchase']);
type EventType = 'view' | 'cart' | 'remove_from_cart' | 'purchase';
const STRING = 'must be a string';
const ID = 'must be a non-empty string or a safe integer';

/** One field's reading: its output value, or the message of its issue. */
type FieldReading<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldReading<T> => ({ ok: true, value });
const fail = (message: string): FieldReading<never> => ({ ok: false, message });

/** A string trimmed to at least one character, or a safe integer as its decimal string. */
function id(value: unknown): FieldReading<string> {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    // zod/mini's default message, which this rule gave when it was a union of zod types.
    return trimmed.length > 0 ? ok(trimmed) : fail('Invalid input');
  }
  return Number.isSafeInteger(value) ? ok(String(value)) : fail(ID);
}

function optionalText(value: unknown): FieldReading<string> {
  if (value === undefined || value === null) return ok('');
  return typeof value === 'string' ? ok(value) : fail(STRING);
}

function eventTime(value: unknown): FieldReading<number> {
  if (typeof value !== 'string') return fail('must be a string like "2019-11-01 00:00:00 UTC"');
  const ms = parseEventTime(value);
  return Number.isNaN(ms) ? fail(`"${value}" is not "YYYY-MM-DD HH:MM:SS UTC"`) : ok(ms);
}

function price(value: unknown): FieldReading<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('must be a number');
  if (typeof value !== 'string') return fail('must be a number');
  const n = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? ok(n) : fail(`"${value}" is not a number`);
}

function eventType(value: unknown): FieldReading<EventType> {
  return EVENT_TYPES.has(value as string)
    ? ok(value as EventType)
    : fail('must be view, cart, remove_from_cart or purchase');
}

function ip(value: unknown): FieldReading<string | undefined> {
  return value === undefined || typeof value === 'string' ? ok(value) : fail(STRING);
}

/**
 * The fields of an event in the order their issues are reported, each with its reading. Ids stay
 * strings: rees46 category ids have 19 digits, beyond 2^53. Optional text (`category_code`, `brand`,
 * often `user_session`) reads as '' when empty or absent. A field that reads `undefined` as valid
 * may be missing from a CSV file.
 */
export const BOT_EVENT_RULES = {
  event_time: eventTime,
  event_type: eventType,
  product_id: id,
  category_id: id,
  category_code: optionalText,
  brand: optionalText,
  price,
  user_id: id,
  user_session: optionalText,
  ip,
};

const FIELDS: [string, (value: unknown) => FieldReading<unknown>][] = Object.entries(BOT_EVENT_RULES);

/**
 * Reads a decoded record by {@link BOT_EVENT_RULES}: the validation of `BotEventSchema`.
 *
 * @example checkBotEvent(JSON.parse(text)) // { value: { event_time: 1572566400000, … } } or { issues: [...] }
 */
export function checkBotEvent(input: unknown): BotEventCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { issues: [{ message: 'must be an object', path: [] }] };
  const record = input as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const issues: { message: string; path: string[] }[] = [];
  for (const [name, read] of FIELDS) {
    const field = read(record[name]);
    if (!field.ok) issues.push({ message: field.message, path: [name] });
    // An optional field absent from the input stays absent, as in the schema's output.
    else if (field.value !== undefined || name in record) value[name] = field.value;
  }
  return issues.length > 0 ? { issues } : { value: value as unknown as BotEvent };
}

/**
 * A rees46 e-commerce event (a CSV row or a JSON record): a Standard Schema whose validation is
 * {@link checkBotEvent}, so it carries no zod into a handler's bundle (`jsonData(BotEventSchema)`).
 *
 * @example BotEventSchema['~standard'].validate({ event_time: '2019-11-01 00:00:00 UTC', event_type: 'view', product_id: '1003461', category_id: '2053013555631882655', price: '489.07', user_id: '520088904' })
 */
export const BotEventSchema = {
  '~standard': { version: 1, vendor: 'sluice', validate: checkBotEvent },
} as const;
