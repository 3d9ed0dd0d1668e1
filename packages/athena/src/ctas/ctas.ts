import { quoteIdentifier, quoteQualifiedName } from '../identifiers.js';
import { CtasDefinitionError } from './errors.js';

/** One output column of the SELECT: a column name, or an expression with its alias. */
export type CtasColumn = string | { expression: string; as: string };

/** A partitioned Parquet conversion: `SELECT <columns> FROM <from>` written under `location`. */
export interface CtasSpec {
  /** `table` or `database.table` (CTAS only). */
  table?: string;
  columns: readonly CtasColumn[];
  /** Everything after FROM: the source table and any WHERE/GROUP BY. */
  from: string;
  /** `s3://bucket/prefix/` on Athena; a local directory (or s3:// under `localRoot`) on DuckDB. */
  location: string;
  /** Partition columns; Athena requires them last in the SELECT, in this order. */
  partitionedBy?: readonly string[];
  compression?: 'ZSTD' | 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED';
}

/**
 * Athena `CREATE TABLE … WITH (format='PARQUET', …) AS SELECT …` converting a table to partitioned,
 * compressed Parquet.
 *
 * @example
 * toCtasSql({ table: 'lake.orders_parquet', columns: ['orderid', 'amount', 'status'], from: 'processed',
 *   location: 's3://lake/orders/', partitionedBy: ['status'] });
 */
export function toCtasSql(spec: CtasSpec): string {
  if (spec.table === undefined) throw new CtasDefinitionError('CTAS', 'a target table name is required');
  const target = quoteQualifiedName(spec.table);
  const properties = [
    "format = 'PARQUET'",
    `write_compression = '${compressionOf(spec)}'`,
    `external_location = ${athenaString(s3Location(spec, target))}`,
    ...partitionProperty(spec, target),
  ];
  return `CREATE TABLE ${target}\nWITH (\n  ${properties.join(',\n  ')}\n)\nAS ${selectSql(spec, target)}`;
}

/**
 * Athena `UNLOAD (SELECT …) TO 's3://…' WITH (format='PARQUET', …)`: the same files as CTAS, no table.
 *
 * @example toUnloadSql({ columns: ['orderid', 'status'], from: 'processed', location: 's3://lake/x/', partitionedBy: ['status'] })
 */
export function toUnloadSql(spec: CtasSpec): string {
  const target = `UNLOAD to ${spec.location}`;
  const properties = [
    "format = 'PARQUET'",
    `compression = '${compressionOf(spec)}'`,
    ...partitionProperty(spec, target),
  ];
  return `UNLOAD (${selectSql(spec, target)})\nTO ${athenaString(s3Location(spec, target))}\nWITH (${properties.join(', ')})`;
}

/**
 * DuckDB `COPY (SELECT …) TO '<dir>' (FORMAT PARQUET, PARTITION_BY (…))`: the same Hive-partitioned
 * Parquet folders the Athena CTAS writes, for local runs. `directory` is a local path.
 *
 * @example await engine.execute(toDuckDbCopySql(spec, './lake/orders'));
 */
export function toDuckDbCopySql(spec: CtasSpec, directory: string): string {
  const target = `COPY to ${directory}`;
  const partitions = spec.partitionedBy ?? [];
  const options = [
    'FORMAT PARQUET',
    `COMPRESSION ${compressionOf(spec)}`,
    ...(partitions.length > 0 ? [`PARTITION_BY (${partitions.map(quoteIdentifier).join(', ')})`] : []),
    'OVERWRITE_OR_IGNORE',
  ];
  return `COPY (${selectSql(spec, target)}) TO '${directory.replaceAll("'", "''")}' (${options.join(', ')})`;
}

function selectSql(spec: CtasSpec, target: string): string {
  checkPartitionsLast(spec, target);
  if (spec.from.trim() === '') throw new CtasDefinitionError(target, 'the FROM clause is empty');
  return `SELECT ${spec.columns.map(columnSql).join(', ')}\nFROM ${spec.from}`;
}

function columnSql(column: CtasColumn): string {
  return typeof column === 'string'
    ? quoteIdentifier(column)
    : `${column.expression} AS ${quoteIdentifier(column.as)}`;
}

/** Output column names of the SELECT, in order. */
function outputNames(spec: CtasSpec): string[] {
  return spec.columns.map((column) => (typeof column === 'string' ? column : column.as));
}

function checkPartitionsLast(spec: CtasSpec, target: string): void {
  const partitions = spec.partitionedBy ?? [];
  const names = outputNames(spec);
  if (partitions.length >= names.length && partitions.length > 0) {
    throw new CtasDefinitionError(
      target,
      'every column is a partition column; keep at least one data column',
    );
  }
  const tail = names.slice(names.length - partitions.length);
  if (partitions.some((name, i) => tail[i] !== name)) {
    throw new CtasDefinitionError(
      target,
      `partition columns (${partitions.join(', ')}) must be the last columns of the SELECT, in that order; the SELECT ends with ${tail.join(', ')}`,
    );
  }
}

function partitionProperty(spec: CtasSpec, target: string): string[] {
  const partitions = spec.partitionedBy ?? [];
  if (partitions.length === 0) return [];
  checkPartitionsLast(spec, target);
  return [`partitioned_by = ARRAY[${partitions.map((p) => athenaString(p)).join(', ')}]`];
}

function compressionOf(spec: CtasSpec): string {
  return spec.compression ?? 'ZSTD';
}

function s3Location(spec: CtasSpec, target: string): string {
  if (!spec.location.startsWith('s3://')) {
    throw new CtasDefinitionError(target, `location ${spec.location} must be an s3:// prefix on Athena`);
  }
  return spec.location.endsWith('/') ? spec.location : `${spec.location}/`;
}

function athenaString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
