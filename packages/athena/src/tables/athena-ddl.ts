import { storageFormatOf, tablePropertiesOf } from './storage-formats.js';
import type { ColumnDefinition, TableDefinition } from './table-definition.js';

/**
 * Athena `CREATE EXTERNAL TABLE` DDL for a table definition. Names are backtick-quoted (Hive DDL),
 * string values escaped as Hive literals.
 *
 * @example
 * await athena.execute(toCreateTableDdl(processed));
 * // CREATE EXTERNAL TABLE IF NOT EXISTS `processed` (
 * //   `orderid` string, ...
 * // ) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' ...
 */
export function toCreateTableDdl(table: TableDefinition, options: { ifNotExists?: boolean } = {}): string {
  const name = table.database ? `\`${table.database}\`.\`${table.name}\`` : `\`${table.name}\``;
  const lines = [
    `CREATE EXTERNAL TABLE ${options.ifNotExists === false ? '' : 'IF NOT EXISTS '}${name} (`,
    columnList(table.columns),
    ')',
    ...(table.comment !== undefined ? [`COMMENT ${hiveString(table.comment)}`] : []),
    ...(table.partitions.length > 0 ? [`PARTITIONED BY (\n${columnList(table.partitions)}\n)`] : []),
    ...storageClauses(table),
    `LOCATION ${hiveString(table.location)}`,
    ...propertiesClause(tablePropertiesOf(table)),
  ];
  return `${lines.join('\n')};`;
}

function columnList(columns: readonly ColumnDefinition[]): string {
  return columns
    .map(
      (c) => `  \`${c.name}\` ${c.type}${c.comment !== undefined ? ` COMMENT ${hiveString(c.comment)}` : ''}`,
    )
    .join(',\n');
}

function storageClauses(table: TableDefinition): string[] {
  if (table.format === 'parquet') return ['STORED AS PARQUET'];
  const format = storageFormatOf(table);
  const clauses = [`ROW FORMAT SERDE ${hiveString(format.serializationLibrary)}`];
  const serdeProperties = Object.entries(format.serdeParameters);
  if (serdeProperties.length > 0) clauses.push(`WITH SERDEPROPERTIES (\n${propertyList(serdeProperties)}\n)`);
  clauses.push('STORED AS TEXTFILE');
  return clauses;
}

function propertiesClause(properties: Record<string, string>): string[] {
  const entries = Object.entries(properties);
  return entries.length > 0 ? [`TBLPROPERTIES (\n${propertyList(entries)}\n)`] : [];
}

function propertyList(entries: readonly [string, string][]): string {
  return entries.map(([key, value]) => `  ${hiveString(key)} = ${hiveString(value)}`).join(',\n');
}

/** A Hive DDL string literal: backslash is the escape character; tabs and newlines are escaped. */
export function hiveString(value: string): string {
  const escaped = value.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return `'${escaped.replaceAll('\t', '\\t').replaceAll('\n', '\\n')}'`;
}
