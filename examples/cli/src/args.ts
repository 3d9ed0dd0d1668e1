import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses `--name value` flags strictly: unknown flags and stray positionals are usage errors. */
export function parseFlags<T extends OptionSpec>(argv: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals)
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A required string flag. */
export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A whole number flag within bounds, or the fallback when absent. */
export function integer(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || n < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${String(value)}"`);
  }
  return n;
}

/** A number flag in [min, max], or the fallback when absent. */
export function decimal(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number in [${min}, ${max}], got "${String(value)}"`);
  }
  return n;
}

/** A `YYYY-MM-DD` flag that is a real calendar date. */
export function calendarDate(values: Record<string, unknown>, name: string): string {
  const value = required(values, name);
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--${name} must be a date like 2025-06-30, got "${value}"`);
  }
  return value;
}
