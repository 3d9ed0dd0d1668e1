import { ConfigurationError } from './errors.js';

/** A process environment: variable name → value (absent when unset). */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

/** Bounds of {@link HandlerEnvironment.wholeNumber}; both inclusive. */
export interface WholeNumberRange {
  /** Default 0. */
  min?: number;
  /** Default `Number.MAX_SAFE_INTEGER`. */
  max?: number;
}

/**
 * A handler's settings, read from its environment one variable at a time. Each reader throws
 * {@link ConfigurationError} naming the variable; values are trimmed, and a variable set to blank
 * is an error rather than "unset" (it is a deployment mistake, not a choice).
 */
export interface HandlerEnvironment {
  /** The value, or an error when the variable is unset or blank. */
  required(name: string): string;
  /** The value, or undefined when the variable is unset. */
  optional(name: string): string | undefined;
  /** An optional value that must match `pattern`; `expected` says what it must be (`an s3:// URL`). */
  matching(name: string, pattern: RegExp, expected: string): string | undefined;
  /** An optional whole number (decimal digits) in `range`. */
  wholeNumber(name: string, range?: WholeNumberRange): number | undefined;
  /** An optional calendar date `YYYY-MM-DD` (2025-02-30 is refused). */
  date(name: string): string | undefined;
  /** An optional `true` or `false`. */
  boolean(name: string): boolean | undefined;
}

/**
 * Reads a handler's settings from its environment (default `process.env`); call it at cold start so
 * a bad deployment fails on the first event with the variable named.
 *
 * @example
 * const env = handlerEnvironment(process.env);
 * const tableName = env.required('TABLE_NAME');
 * const threshold = env.wholeNumber('LARGE_ORDER_THRESHOLD', { min: 1 }) ?? 100;
 * const asOf = env.date('ORDERS_AS_OF'); // undefined when unset
 */
export function handlerEnvironment(variables: EnvironmentVariables = process.env): HandlerEnvironment {
  const optional = (name: string): string | undefined => {
    const value = variables[name];
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') throw new ConfigurationError(name, 'is set but empty');
    return trimmed;
  };
  const checked = <T>(name: string, read: (value: string) => T | undefined, expected: string) => {
    const value = optional(name);
    if (value === undefined) return undefined;
    const result = read(value);
    if (result === undefined) throw new ConfigurationError(name, `must be ${expected}, got "${value}"`);
    return result;
  };
  return {
    required(name) {
      const value = variables[name]?.trim();
      if (!value) throw new ConfigurationError(name, 'is required');
      return value;
    },
    optional,
    matching: (name, pattern, expected) => checked(name, (v) => (pattern.test(v) ? v : undefined), expected),
    wholeNumber(name, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
      const inRange = (v: string) => (/^\d+$/.test(v) && +v >= min && +v <= max ? +v : undefined);
      return checked(name, inRange, `a whole number in [${min}, ${max}]`);
    },
    date: (name) => checked(name, calendarDate, 'a date YYYY-MM-DD'),
    boolean: (name) =>
      checked(name, (v) => (v === 'true' ? true : v === 'false' ? false : undefined), 'true or false'),
  };
}

function calendarDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}
