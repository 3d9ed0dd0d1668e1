/** A table, column or database name from config is not a safe Athena identifier. */
export class IdentifierError extends Error {
  override readonly name = 'IdentifierError';
  constructor(
    readonly identifier: string,
    readonly problem: string,
  ) {
    super(`identifier ${JSON.stringify(identifier)} is not allowed: ${problem}`);
  }
}

/** A query definition is inconsistent (placeholder without a param, unused param, stray `?`). */
export class QueryDefinitionError extends Error {
  override readonly name = 'QueryDefinitionError';
  constructor(
    readonly queryName: string,
    problem: string,
  ) {
    super(`query "${queryName}": ${problem}`);
  }
}

/** The parameters given to a query failed its params schema or cannot be bound (NaN, Infinity). */
export class QueryParamsError extends Error {
  override readonly name = 'QueryParamsError';
  constructor(
    readonly queryName: string,
    readonly problems: readonly string[],
  ) {
    super(`query "${queryName}": invalid parameters: ${problems.join('; ')}`);
  }
}

/** A decoded row failed the query's row schema. */
export class QueryRowError extends Error {
  override readonly name = 'QueryRowError';
  constructor(
    readonly queryName: string,
    /** 0-based index of the row in the result. */
    readonly rowIndex: number,
    /** Dotted path of the failing field (`amount`, `items.0.sku`), or `(row)` for the whole row. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`query "${queryName}": row ${rowIndex}, field ${field}: ${problem}`);
  }
}

/**
 * The engine refused or failed the SQL (syntax error, missing column, engine failure). Each backend
 * throws a subclass (`AthenaQueryError`, the DuckDB error) so callers can catch either generically.
 */
export class QueryExecutionError extends Error {
  override readonly name: string = 'QueryExecutionError';
  constructor(
    message: string,
    readonly details: { engine: string; queryName?: string; queryId?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A date parameter that is not a real `YYYY-MM-DD` calendar date. */
export class SqlDateError extends Error {
  override readonly name = 'SqlDateError';
  constructor(readonly value: string) {
    super(`"${value}" is not a YYYY-MM-DD calendar date; pass dates like sqlDate('2025-01-31')`);
  }
}
