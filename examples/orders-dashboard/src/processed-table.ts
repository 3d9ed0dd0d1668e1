import { type ColumnDefinition, defineTable, type TableDefinition } from '@sluice/athena';
import { normaliseColumnName } from '@sluice/core/codecs';
import { UnexpectedColumnsError } from './errors.js';

/**
 * The columns of the `processed` table, in file order: what the seed's five queries read. Dates
 * stay text, as the seed's crawler left them: its queries `DATE_PARSE(orderdate, …)` and compare
 * `orderdate` with string literals, which Athena refuses on a DATE column.
 */
export const PROCESSED_COLUMNS: readonly ColumnDefinition[] = [
  { name: 'orderid', type: 'string' },
  { name: 'customerid', type: 'string' },
  { name: 'orderdate', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'amount', type: 'double' },
];

/**
 * The `processed` table over every file under `processed/`: `location` is `s3://bucket/processed/`
 * on Athena or the local folder the DuckDB engine reads. Its schema is this definition, not a
 * sample of the data, so every processed file is read the same way.
 *
 * @example await engine.registerTable(processedTable(join(store.root, 'processed')));
 */
export function processedTable(location: string): TableDefinition {
  return defineTable({ name: 'processed', format: 'csv', location, columns: [...PROCESSED_COLUMNS] });
}

/**
 * Checks that a raw file's header holds the table's columns in the table's order (names compared
 * normalised: `OrderDate` is `orderdate`). A CSV table reads columns by position, so any other
 * layout would be misread by every query: such a file is refused whole, naming both layouts.
 *
 * @example checkProcessedHeader(['OrderID', 'CustomerID', 'OrderDate', 'Status', 'Amount'], 'raw/o.csv');
 */
export function checkProcessedHeader(header: readonly string[], file: string): void {
  const names = header.map(normaliseColumnName);
  const expected = PROCESSED_COLUMNS.map((column) => column.name);
  if (names.length === expected.length && names.every((name, i) => name === expected[i])) return;
  throw new UnexpectedColumnsError(file, expected, header);
}
