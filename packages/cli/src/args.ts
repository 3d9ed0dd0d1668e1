import { parseArgs } from 'node:util';
import type { Command, ParsedArgs } from './command.js';
import { UsageError } from './errors.js';

/**
 * Parses a command's options strictly from its spec: unknown options, missing values and stray
 * arguments are usage errors worded by the CLI, never Node's parser messages.
 *
 * @example parseCommandLine(ordersFilter, ['--input', 'orders.csv']).values.input; // 'orders.csv'
 */
export function parseCommandLine(command: Command, argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.multiple ? { multiple: true } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      },
    ]),
  );
  const allowed = command.positional ? 1 : 0;
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: allowed > 0 });
  } catch (error) {
    throw new UsageError(parserMessage(error));
  }
  if (parsed.positionals.length > allowed)
    throw new UsageError(`unexpected argument "${parsed.positionals[allowed]}"`);
  return parsed;
}

/** Node's parseArgs errors in the CLI's words; the option is the first quoted token of the message. */
function parserMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const token = /'([^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${token}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${token}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${token} takes no value`;
    if (/ambiguous/.test(message))
      return `${token} needs a value; for a value that starts with "-" write ${token}=VALUE`;
    return `${token} needs a value`;
  }
  return `cannot read the arguments (${message.split('\n')[0]})`;
}

/** A required string option. */
export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** An optional string option, or undefined when absent; an empty value is a usage error. */
export function optional(values: Record<string, unknown>, name: string): string | undefined {
  return values[name] === undefined ? undefined : required(values, name);
}

/** A whole number option within bounds, or the fallback when absent. */
export function integer(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || n < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${String(value)}"`);
  }
  return n;
}

/** A number option in [min, max], or the fallback when absent. */
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

/** A `YYYY-MM-DD` option that is a real calendar date. */
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
