import { type ColumnDefinition, inferSchema, parseColumnType } from '@sluice/athena';
import type { ObjectStore } from '@sluice/core/storage';
import type { ParquetColumnDeclaration, ParquetSchema } from '@sluice/sinks/parquet';

/** How much of a processed file the crawler step reads to type its columns. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * The start of an object, cut after its last complete line: the sample the Glue crawler would read.
 *
 * @example inferSchema(await sampleLines(store, 'processed/orders.csv'))
 */
export async function sampleLines(store: ObjectStore, key: string, maxBytes = SAMPLE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await store.get(key)) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
    if (size >= maxBytes) break; // leaving the loop closes the stream
  }
  const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  const end = text.lastIndexOf('\n');
  return end < 0 ? text : text.slice(0, end + 1);
}

/**
 * The columns of the `processed` table, inferred from a CSV sample with lower-cased names. Dates
 * stay text, as the crawler left them in the seed: its queries `DATE_PARSE(orderdate, …)` and
 * compare `orderdate` with string literals, which Athena refuses on a DATE column.
 *
 * @example processedColumns('OrderID,Amount\nO1,19.99\n') // [{ name: 'orderid', type: 'string' }, { name: 'amount', type: 'double' }]
 */
export function processedColumns(sample: string): ColumnDefinition[] {
  return inferSchema(sample).columns.map((column) =>
    column.type === 'date' || column.type === 'timestamp' ? { ...column, type: 'string' } : column,
  );
}

/**
 * The Parquet schema holding the same columns and types as the table.
 *
 * @example parquetSchemaOf([{ name: 'amount', type: 'double' }]) // { amount: 'double' }
 */
export function parquetSchemaOf(columns: readonly ColumnDefinition[]): ParquetSchema {
  return Object.fromEntries(columns.map((column) => [column.name, parquetTypeOf(column.type)]));
}

function parquetTypeOf(type: string): ParquetColumnDeclaration {
  const parsed = parseColumnType(type);
  if (parsed?.kind === 'decimal')
    return { type: 'decimal', precision: parsed.precision, scale: parsed.scale };
  if (parsed?.kind !== 'primitive') return 'string';
  return PARQUET_TYPES[parsed.name] ?? 'string';
}

const PARQUET_TYPES: Readonly<Record<string, ParquetColumnDeclaration>> = {
  boolean: 'boolean',
  tinyint: 'int32',
  smallint: 'int32',
  int: 'int32',
  bigint: 'int64',
  float: 'double',
  double: 'double',
  date: 'date',
  timestamp: 'timestamp',
};
