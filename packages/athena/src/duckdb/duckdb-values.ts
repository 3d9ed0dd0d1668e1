import {
  arrayFromArrayValue,
  arrayFromListValue,
  createDuckDBValueConverter,
  DOUBLE,
  DuckDBDateValue,
  type DuckDBDecimalValue,
  DuckDBMapValue,
  type DuckDBPreparedStatement,
  DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  type DuckDBValueConverter,
  INTEGER,
  JSDuckDBValueConverter,
  objectFromStructValue,
} from '@duckdb/node-api';
import { isSqlDate } from '../define-query.js';
import type { QueryParamValue } from '../query.js';

/** A value as the QueryEngine port hands it to a row schema. */
export type DecodedValue = unknown;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function integerValue(value: DuckDBValue): DecodedValue {
  const n = value as bigint;
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n;
}

function mapValue(value: DuckDBValue, type: DuckDBType, convert: DuckDBValueConverter<DecodedValue>) {
  if (!(value instanceof DuckDBMapValue) || type.typeId !== DuckDBTypeId.MAP) return null;
  const entries = value.entries.map((e) => [
    String(convert(e.key, type.keyType, convert)),
    convert(e.value, type.valueType, convert),
  ]);
  return Object.fromEntries(entries);
}

const javascript = (value: DuckDBValue, type: DuckDBType, convert: DuckDBValueConverter<DecodedValue>) =>
  JSDuckDBValueConverter(value, type, convert as DuckDBValueConverter<unknown> as never);

// The port's conventions: bigint only beyond 2^53, decimals as exact strings, dates as YYYY-MM-DD,
// times as text, maps as plain objects; nested values follow the same rules.
const converter: DuckDBValueConverter<DecodedValue> = createDuckDBValueConverter<DecodedValue>({
  ...Object.fromEntries(
    Object.values(DuckDBTypeId)
      .filter((id) => typeof id === 'number')
      .map((id) => [id, javascript]),
  ),
  [DuckDBTypeId.BIGINT]: integerValue,
  [DuckDBTypeId.UBIGINT]: integerValue,
  [DuckDBTypeId.HUGEINT]: integerValue,
  [DuckDBTypeId.UHUGEINT]: integerValue,
  [DuckDBTypeId.DECIMAL]: (value: DuckDBValue) => (value as DuckDBDecimalValue).toString(),
  [DuckDBTypeId.DATE]: (value: DuckDBValue) => (value as DuckDBDateValue).toString(),
  [DuckDBTypeId.TIME]: (value: DuckDBValue) => String(value),
  [DuckDBTypeId.UUID]: (value: DuckDBValue) => String(value),
  [DuckDBTypeId.LIST]: arrayFromListValue,
  [DuckDBTypeId.ARRAY]: arrayFromArrayValue,
  [DuckDBTypeId.STRUCT]: objectFromStructValue,
  [DuckDBTypeId.MAP]: mapValue,
} as unknown as Parameters<typeof createDuckDBValueConverter<DecodedValue>>[0]);

/**
 * Decodes one DuckDB value to the port's JS conventions.
 *
 * @example decodeDuckDbValue(value, DECIMAL(10, 2)) // '19.99'
 */
export function decodeDuckDbValue(value: DuckDBValue, type: DuckDBType): DecodedValue {
  if (value === null) return null;
  return type.alias === 'JSON' ? JSON.parse(value as string) : converter(value, type, converter);
}

/** Decodes the values of one result column; the type is resolved once, not per value. */
export type ColumnDecoder = (value: DuckDBValue) => DecodedValue;

// Types whose DuckDB value already is the port's JS value (number, string, boolean, or null).
const AS_IS: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.VARCHAR,
]);

const asIs: ColumnDecoder = (value) => value;
const integerOrNull: ColumnDecoder = (value) => (value === null ? null : integerValue(value));

/**
 * The decoder for a column of `type`, equal to {@link decodeDuckDbValue} value for value.
 *
 * @example const decode = columnDecoder(BIGINT); decode(42n) // 42
 */
export function columnDecoder(type: DuckDBType): ColumnDecoder {
  // JSON is VARCHAR with an alias; the port decodes it as Athena's backend does (parsed).
  if (type.alias === 'JSON') return (value) => decodeDuckDbValue(value, type);
  if (AS_IS.has(type.typeId)) return asIs;
  if (type.typeId === DuckDBTypeId.BIGINT || type.typeId === DuckDBTypeId.UBIGINT) return integerOrNull;
  return (value) => decodeDuckDbValue(value, type);
}

/**
 * Binds params positionally with explicit DuckDB types: integers as INTEGER/BIGINT, other numbers as
 * DOUBLE, `Date` as TIMESTAMP (UTC), `SqlDate` as DATE. Values are never pasted into SQL.
 *
 * @example bindDuckDbParams(prepared, ["o'brien", 3, sqlDate('2025-01-05')]);
 */
export function bindDuckDbParams(
  prepared: DuckDBPreparedStatement,
  values: readonly QueryParamValue[],
): void {
  values.forEach((value, i) => {
    bindOne(prepared, i + 1, value);
  });
}

function bindOne(prepared: DuckDBPreparedStatement, index: number, value: QueryParamValue): void {
  if (value === null) prepared.bindNull(index);
  else if (typeof value === 'string') prepared.bindVarchar(index, value);
  else if (typeof value === 'boolean') prepared.bindBoolean(index, value);
  else if (typeof value === 'bigint') prepared.bindBigInt(index, value);
  else if (typeof value === 'number') bindNumber(prepared, index, value);
  else if (value instanceof Date)
    prepared.bindTimestamp(index, new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n));
  else if (isSqlDate(value))
    prepared.bindDate(index, new DuckDBDateValue(Date.parse(`${value.iso}T00:00:00Z`) / 86_400_000));
}

function bindNumber(prepared: DuckDBPreparedStatement, index: number, value: number): void {
  if (!Number.isSafeInteger(value)) prepared.bindValue(index, value, DOUBLE);
  else if (Math.abs(value) <= 2 ** 31 - 1) prepared.bindValue(index, value, INTEGER);
  else prepared.bindBigInt(index, BigInt(value));
}
