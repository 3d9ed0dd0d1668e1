/** An error as plain JSON: what `JSON.stringify(error)` (`{}`) leaves out, kept. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  cause?: SerializedError | JsonValue;
  /** `AggregateError`'s errors. */
  errors?: (SerializedError | JsonValue)[];
  /** Other own fields: `code`, `$metadata`, `keys`, a rejection `reason`… */
  [field: string]: unknown;
}

/** A JSON value; what a non-error thrown value becomes. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 5;
const SKIPPED = new Set(['name', 'message', 'stack', 'cause', 'errors']);

/**
 * Turns an error into JSON that keeps its name, message, stack, own fields (`code`, `$metadata`…)
 * and its `cause` chain, serialized the same way (up to 5 levels, cycles cut), for log lines.
 *
 * @example logger.error('record failed', { error: serializeError(error) });
 */
export function serializeError(
  error: unknown,
  depth = 0,
  seen = new Set<unknown>(),
): SerializedError | JsonValue {
  if (!(error instanceof Error)) return toJson(error, depth, seen);
  if (seen.has(error) || depth >= MAX_DEPTH) return `[${error.name}: ${error.message}]`;
  seen.add(error);
  const out: SerializedError = { name: error.name, message: error.message };
  if (error.stack !== undefined) out.stack = error.stack;
  for (const [key, value] of Object.entries(error)) {
    if (!SKIPPED.has(key)) out[key] = toJson(value, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1, seen);
  if (error instanceof AggregateError) {
    out.errors = error.errors.map((inner: unknown) => serializeError(inner, depth + 1, seen));
  }
  return out;
}

function toJson(value: unknown, depth: number, seen: Set<unknown>): JsonValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as JsonValue;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value === undefined ? null : `[${typeof value}]`;
  if (value instanceof Error) return serializeError(value, depth, seen) as JsonValue;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1, seen));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, depth + 1, seen)]));
}
