import { isSqlDate } from '../define-query.js';
import type { QueryParamValue } from '../query.js';
import { AthenaParameterError } from './errors.js';

// Athena's ExecutionParameters: each entry 1..1024 characters.
const MAX_PARAMETER_LENGTH = 1024;

/**
 * Renders bound values as Athena `ExecutionParameters`: each value becomes the SQL literal Athena
 * substitutes for one `?`. Strings are single-quoted with `'` doubled (Trino literals have no
 * backslash escapes, so backslashes stay as they are); numbers as-is (NaN/Infinity refused);
 * bigint as-is; booleans TRUE/FALSE; `Date` as `TIMESTAMP 'YYYY-MM-DD HH:MM:SS.mmm'` in UTC;
 * `sqlDate` as `DATE 'YYYY-MM-DD'`; null as NULL. Returns undefined for no values, because
 * Athena rejects an empty list.
 *
 * @example toExecutionParameters(["o'brien", 3, sqlDate('2025-01-31')]) // ["'o''brien'", '3', "DATE '2025-01-31'"]
 */
export function toExecutionParameters(values: readonly QueryParamValue[]): string[] | undefined {
  if (values.length === 0) return undefined;
  return values.map((value, position) => {
    const literal = toAthenaLiteral(value, position);
    if (literal.length > MAX_PARAMETER_LENGTH) {
      throw new AthenaParameterError(
        position,
        `literal is longer than Athena's ${MAX_PARAMETER_LENGTH} characters`,
      );
    }
    return literal;
  });
}

/**
 * One value as an Athena SQL literal.
 *
 * @example toAthenaLiteral("it's") // "'it''s'"
 */
export function toAthenaLiteral(value: QueryParamValue, position = 0): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberLiteral(value, position);
  if (value instanceof Date) return timestampLiteral(value, position);
  if (isSqlDate(value)) return `DATE '${value.iso}'`;
  throw new AthenaParameterError(position, `unsupported value ${String(value)}`);
}

function numberLiteral(value: number, position: number): string {
  if (!Number.isFinite(value)) throw new AthenaParameterError(position, `${value} has no SQL literal`);
  // Exponent form (1e21) is a DOUBLE literal in Trino, which is what a JS number is.
  return String(value);
}

function timestampLiteral(value: Date, position: number): string {
  const time = value.getTime();
  // toISOString switches to a 6-digit signed year outside 0000..9999.
  if (Number.isNaN(time) || value.getUTCFullYear() < 0 || value.getUTCFullYear() > 9999) {
    throw new AthenaParameterError(position, 'Date is invalid or outside years 0000-9999');
  }
  return `TIMESTAMP '${value.toISOString().replace('T', ' ').replace('Z', '')}'`;
}
