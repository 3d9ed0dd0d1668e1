import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';

const TRINO_NAMES: Partial<Record<DuckDBTypeId, string>> = {
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.TINYINT]: 'tinyint',
  [DuckDBTypeId.SMALLINT]: 'smallint',
  [DuckDBTypeId.INTEGER]: 'integer',
  [DuckDBTypeId.BIGINT]: 'bigint',
  // DuckDB sums integers into HUGEINT and counts into UBIGINT where Trino has bigint.
  [DuckDBTypeId.HUGEINT]: 'bigint',
  [DuckDBTypeId.UBIGINT]: 'bigint',
  [DuckDBTypeId.FLOAT]: 'real',
  [DuckDBTypeId.DOUBLE]: 'double',
  [DuckDBTypeId.VARCHAR]: 'varchar',
  [DuckDBTypeId.BLOB]: 'varbinary',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIME]: 'time',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamp with time zone',
  [DuckDBTypeId.INTERVAL]: 'interval day to second',
  [DuckDBTypeId.UUID]: 'uuid',
  [DuckDBTypeId.SQLNULL]: 'unknown',
};

/**
 * The lower-case Athena/Trino name of a DuckDB result type, so both engines report the same column
 * types (`varchar`, `decimal(10,2)`, `array(bigint)`, `row(a integer)`).
 *
 * @example trinoTypeName(VARCHAR) // 'varchar'
 */
export function trinoTypeName(type: DuckDBType): string {
  if (type.alias === 'JSON') return 'json';
  switch (type.typeId) {
    case DuckDBTypeId.DECIMAL:
      return `decimal(${type.width},${type.scale})`;
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return `array(${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.MAP:
      return `map(${trinoTypeName(type.keyType)}, ${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.STRUCT:
      return `row(${type.entryNames.map((name, i) => `${name} ${trinoTypeName(type.entryTypes[i] as DuckDBType)}`).join(', ')})`;
    default:
      return TRINO_NAMES[type.typeId] ?? type.toString().toLowerCase();
  }
}
