import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseColumnType, toDuckDbType } from '../tables/column-types.js';
import type { ColumnDefinition, TableDefinition } from '../tables/table-definition.js';
import { TableRegistrationError } from './errors.js';
import { localPathOf, partitionSelect, templateFilesGlob, usesLocationTemplate } from './partition-layout.js';

/**
 * The local file or glob a table's `location` stands for: `s3://bucket/prefix/` maps to
 * `<localRoot>/bucket/prefix/`; a directory is read recursively with Hive `key=value/` folders (or the
 * projection's location template), skipping `_`/`.` files as Athena does.
 *
 * @example localFilesOf(processed, '/data/lake') // '/data/lake/orders/processed/**\/[!_.]*'
 */
export function localFilesOf(table: TableDefinition, localRoot?: string): string {
  if (usesLocationTemplate(table)) return templateFilesGlob(table, localRoot);
  const path = localPathOf(table.location, table.name, localRoot);
  const isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  return isFile ? path : join(path, '**', '[!_.]*');
}

/**
 * `CREATE OR REPLACE VIEW` over the table's local files, exposing the definition's lower-case columns
 * with their types, then the partition columns. For Parquet, `fileColumns` (what the files hold) lets
 * columns match by name case-insensitively, as Athena does.
 *
 * @example await connection.run(registrationSql(processed, '/data/processed.csv', [], '/data'));
 */
export function registrationSql(
  table: TableDefinition,
  files: string,
  fileColumns: readonly string[] = [],
  localRoot?: string,
): string {
  const columns = [
    ...table.columns.map((c) => selectColumn(c, fileColumns, table.format)),
    ...table.partitions.map((p) => partitionSelect(table, p, localRoot)),
  ];
  return `CREATE OR REPLACE VIEW "${table.name}" AS SELECT ${columns.join(', ')} FROM ${readerSql(table, files)}`;
}

/**
 * `CREATE OR REPLACE VIEW` of the table with its columns and partitions typed and no rows: what
 * Athena answers over a location that holds no files (DuckDB's readers refuse an empty glob).
 *
 * @example await connection.run(emptyTableSql(processed)); // SELECT count(*) FROM processed → 0
 */
export function emptyTableSql(table: TableDefinition): string {
  const columns = [...table.columns, ...table.partitions].map(
    (column) => `CAST(NULL AS ${duckDbTypeOf(column)}) AS "${column.name}"`,
  );
  return `CREATE OR REPLACE VIEW "${table.name}" AS SELECT ${columns.join(', ')} WHERE false`;
}

function selectColumn(
  column: ColumnDefinition,
  fileColumns: readonly string[],
  format: TableDefinition['format'],
): string {
  if (format !== 'parquet') return `"${column.name}"`;
  const source = fileColumns.find((name) => name.toLowerCase() === column.name);
  const value = source === undefined ? 'NULL' : `"${source.replaceAll('"', '""')}"`;
  return `CAST(${value} AS ${duckDbTypeOf(column)}) AS "${column.name}"`;
}

/** The DuckDB table function reading the table's files. */
export function readerSql(table: TableDefinition, files: string): string {
  const options = [sqlString(files), ...hiveOptions(table)];
  if (table.format === 'parquet') return `read_parquet(${[...options, 'union_by_name = true'].join(', ')})`;
  const columns = `columns = ${columnsStruct(table.columns)}`;
  if (table.format === 'json') {
    return `read_json(${[...options, "format = 'newline_delimited'", columns].join(', ')})`;
  }
  return `read_csv(${[...options, ...csvOptions(table), columns].join(', ')})`;
}

function csvOptions(table: TableDefinition): string[] {
  const csv = table.csv;
  if (!csv) return [];
  const skip = csv.skipHeaderLines;
  return [
    'auto_detect = false',
    `header = ${skip > 0}`,
    `skip = ${Math.max(0, skip - 1)}`,
    `delim = ${sqlString(csv.delimiter)}`,
    `quote = ${sqlString(csv.serde === 'OpenCSVSerde' ? csv.quote : '')}`,
    // RFC 4180 doubling (""), which OpenCSVSerde also reads, is what Sluice's writers produce.
    `escape = ${sqlString(csv.serde === 'OpenCSVSerde' ? csv.quote : '')}`,
  ];
}

function hiveOptions(table: TableDefinition): string[] {
  if (usesLocationTemplate(table)) return ['hive_partitioning = false', 'filename = true'];
  if (table.partitions.length === 0) return ['hive_partitioning = false'];
  return ['hive_partitioning = true', `hive_types = ${columnsStruct(table.partitions)}`];
}

function columnsStruct(columns: readonly ColumnDefinition[]): string {
  return `{${columns.map((c) => `${sqlString(c.name)}: ${sqlString(duckDbTypeOf(c))}`).join(', ')}}`;
}

function duckDbTypeOf(column: ColumnDefinition): string {
  const type = parseColumnType(column.type);
  if (!type) throw new TableRegistrationError(column.name, `unknown column type ${column.type}`);
  return toDuckDbType(type);
}

/** A DuckDB string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
