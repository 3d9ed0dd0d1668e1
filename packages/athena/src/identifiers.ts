import { IdentifierError } from './errors.js';

const ATHENA_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
// Glue caps table and column names at 255 characters.
const MAX_LENGTH = 255;

/**
 * Checks a table, column or database name that comes from config before it goes into SQL.
 * Athena-safe names only: lower-case letters, digits and `_`, not starting with a digit.
 *
 * @example
 * assertIdentifier('orders_2025'); // ok
 * assertIdentifier('orders; DROP TABLE x'); // throws IdentifierError
 */
export function assertIdentifier(name: string): void {
  if (name.length === 0) throw new IdentifierError(name, 'it is empty');
  if (name.length > MAX_LENGTH) throw new IdentifierError(name, `it is longer than ${MAX_LENGTH} characters`);
  if (!ATHENA_IDENTIFIER.test(name)) {
    throw new IdentifierError(
      name,
      'use lower-case letters, digits and underscores only, not starting with a digit',
    );
  }
}

/**
 * Returns the name double-quoted for SQL after {@link assertIdentifier} accepted it; quoting keeps
 * reserved words (`date`, `order`) usable as column names on both Athena and DuckDB.
 *
 * @example
 * `SELECT ${quoteIdentifier('date')} FROM ${quoteIdentifier('orders')}` // SELECT "date" FROM "orders"
 */
export function quoteIdentifier(name: string): string {
  assertIdentifier(name);
  return `"${name}"`;
}

/**
 * Quotes a dotted name (`database.table`), checking every part.
 *
 * @example quoteQualifiedName('sales.orders') // "sales"."orders"
 */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
