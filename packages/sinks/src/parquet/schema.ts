import { ParquetSchemaError } from './errors.js';

/** Column types with no parameters. */
export type ParquetScalarType = 'string' | 'int32' | 'int64' | 'double' | 'boolean' | 'date' | 'timestamp';

/** One column: a type name, or an object for decimals and non-nullable columns. */
export type ParquetColumnDeclaration =
  | ParquetScalarType
  | { type: ParquetScalarType; nullable?: boolean }
  | { type: 'decimal'; precision: number; scale: number; nullable?: boolean };

/**
 * The columns of a Parquet file, in order.
 *
 * @example
 * const schema: ParquetSchema = {
 *   orderid: 'int64',
 *   status: 'string',
 *   amount: { type: 'decimal', precision: 10, scale: 2 },
 *   orderdate: 'date',
 * };
 */
export type ParquetSchema = Record<string, ParquetColumnDeclaration>;

/** A column declaration checked and spelled out. */
export interface ParquetColumn {
  name: string;
  type: ParquetScalarType | 'decimal';
  nullable: boolean;
  precision: number;
  scale: number;
}

const SCALAR_TYPES = new Set<string>(['string', 'int32', 'int64', 'double', 'boolean', 'date', 'timestamp']);
// Arrow's Decimal128 holds 38 significant digits.
const MAX_DECIMAL_PRECISION = 38;

/** Checks a schema declaration and returns its columns; throws {@link ParquetSchemaError}. */
export function parquetColumns(schema: ParquetSchema): ParquetColumn[] {
  const names = Object.keys(schema);
  if (names.length === 0) throw new ParquetSchemaError('a Parquet schema needs at least one column');
  return names.map((name) => parquetColumn(name, schema[name]));
}

function parquetColumn(name: string, declaration: ParquetColumnDeclaration | undefined): ParquetColumn {
  const spelled = typeof declaration === 'string' ? { type: declaration } : declaration;
  const type = spelled?.type as string | undefined;
  const nullable = spelled?.nullable ?? true;
  if (type === 'decimal' && spelled && 'precision' in spelled) {
    const { precision, scale } = spelled;
    checkDecimal(name, precision, scale);
    return { name, type: 'decimal', nullable, precision, scale };
  }
  if (type === undefined || !SCALAR_TYPES.has(type)) {
    throw new ParquetSchemaError(
      `column "${name}" has type ${JSON.stringify(type)}; expected one of ${[...SCALAR_TYPES].join(', ')} or decimal`,
    );
  }
  return { name, type: type as ParquetScalarType, nullable, precision: 0, scale: 0 };
}

function checkDecimal(name: string, precision: number, scale: number): void {
  const precisionOk = Number.isInteger(precision) && precision >= 1 && precision <= MAX_DECIMAL_PRECISION;
  if (!precisionOk || !Number.isInteger(scale) || scale < 0 || scale > precision) {
    throw new ParquetSchemaError(
      `column "${name}" is decimal(${precision}, ${scale}); precision must be 1..${MAX_DECIMAL_PRECISION} ` +
        'and scale 0..precision',
    );
  }
}

/** How a column's type reads in messages: `decimal(10,2)`, `int64`. */
export function describeColumnType(column: ParquetColumn): string {
  return column.type === 'decimal' ? `decimal(${column.precision},${column.scale})` : column.type;
}
