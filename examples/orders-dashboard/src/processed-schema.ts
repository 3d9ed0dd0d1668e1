import { type ColumnDefinition, parseColumnType } from '@sluice/athena';
import type { ParquetColumnDeclaration, ParquetSchema } from '@sluice/sinks/parquet';

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
