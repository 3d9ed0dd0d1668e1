import { assertIdentifier } from '../identifiers.js';
import { formatColumnType, parseColumnType } from './column-types.js';
import { columnsFromSchema, type ObjectSchemaLike } from './columns-from-schema.js';
import { TableDefinitionError } from './errors.js';

export type TableFormat = 'csv' | 'json' | 'parquet';

/** A column as Athena and Glue see it: lower-case name, Hive DDL type (`bigint`, `decimal(10,2)`). */
export interface ColumnDefinition {
  name: string;
  type: string;
  comment?: string;
}

export interface CsvOptions {
  /** `OpenCSVSerde` (default) understands quoted fields but reads every column as text; `LazySimpleSerDe` does not unquote but keeps types. */
  serde?: 'OpenCSVSerde' | 'LazySimpleSerDe';
  delimiter?: string;
  quote?: string;
  escape?: string;
  /** Header lines to skip (`skip.header.line.count`); default 1. */
  skipHeaderLines?: number;
}

export type ProjectionUnit = 'YEARS' | 'MONTHS' | 'WEEKS' | 'DAYS' | 'HOURS' | 'MINUTES' | 'SECONDS';

/** Athena partition projection for one partition column. */
export type PartitionProjection =
  | {
      type: 'date';
      /** Java date format of the partition value (`yyyy/MM/dd/HH`). */
      format: string;
      /** Inclusive bounds in `format`, or `NOW`, `NOW-3DAYS`… */
      range: readonly [string, string];
      interval?: number;
      unit?: ProjectionUnit;
    }
  | { type: 'integer'; range: readonly [number, number]; interval?: number; digits?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'injected' };

export interface TableProjection {
  columns: Readonly<Record<string, PartitionProjection>>;
  /** `storage.location.template`, e.g. `s3://bucket/clicks/${datehour}/`; Hive `key=value/` when omitted. */
  locationTemplate?: string;
}

/** What {@link defineTable} takes: `columns`, or a zod object `schema` they are derived from. */
export interface TableSpec {
  name: string;
  database?: string;
  columns?: readonly ColumnDefinition[];
  schema?: ObjectSchemaLike;
  format: TableFormat;
  /** `s3://bucket/prefix/` (a local directory or file for the DuckDB backend only). */
  location: string;
  partitions?: readonly ColumnDefinition[];
  projection?: TableProjection;
  csv?: CsvOptions;
  comment?: string;
  /** Extra TBLPROPERTIES. */
  properties?: Readonly<Record<string, string>>;
}

/** A checked, normalised table definition, consumed by the DDL, Glue and DuckDB builders. */
export interface TableDefinition {
  readonly name: string;
  readonly database?: string;
  readonly columns: readonly ColumnDefinition[];
  readonly partitions: readonly ColumnDefinition[];
  readonly format: TableFormat;
  readonly location: string;
  readonly csv?: Required<CsvOptions>;
  readonly projection?: TableProjection;
  readonly comment?: string;
  readonly properties: Readonly<Record<string, string>>;
}

/**
 * Declares an external table once; render it as Athena DDL ({@link toCreateTableDdl}), as a Glue
 * `TableInput` for CDK ({@link toGlueTableInput}), or register it in the DuckDB engine.
 *
 * @example
 * const processed = defineTable({
 *   name: 'processed',
 *   format: 'csv',
 *   location: 's3://orders-bucket/processed/',
 *   columns: [
 *     { name: 'orderid', type: 'string' },
 *     { name: 'amount', type: 'double' },
 *   ],
 * });
 */
export function defineTable(spec: TableSpec): TableDefinition {
  assertIdentifier(spec.name);
  if (spec.database !== undefined) assertIdentifier(spec.database);
  const columns = checkColumns(spec.name, spec.columns ?? schemaColumns(spec));
  const partitions = checkColumns(spec.name, spec.partitions ?? []);
  checkDistinctNames(spec.name, [...columns, ...partitions]);
  if (columns.length === 0) throw new TableDefinitionError(spec.name, 'it has no columns');
  if (spec.projection) checkProjection(spec.name, spec.projection, partitions);
  return {
    name: spec.name,
    ...(spec.database !== undefined && { database: spec.database }),
    columns,
    partitions,
    format: spec.format,
    location: checkLocation(spec.name, spec.location),
    ...(spec.format === 'csv' && { csv: csvDefaults(spec.name, spec.csv) }),
    ...(spec.projection && { projection: spec.projection }),
    ...(spec.comment !== undefined && { comment: spec.comment }),
    properties: spec.properties ?? {},
  };
}

function schemaColumns(spec: TableSpec): ColumnDefinition[] {
  if (!spec.schema) throw new TableDefinitionError(spec.name, 'give either columns or a schema');
  return columnsFromSchema(spec.schema, spec.name);
}

function checkColumns(table: string, columns: readonly ColumnDefinition[]): ColumnDefinition[] {
  return columns.map((column) => {
    assertIdentifier(column.name);
    const type = parseColumnType(column.type);
    if (!type)
      throw new TableDefinitionError(table, `column ${column.name} has unknown type "${column.type}"`);
    return { ...column, type: formatColumnType(type) };
  });
}

function checkDistinctNames(table: string, columns: readonly ColumnDefinition[]): void {
  const seen = new Set<string>();
  for (const { name } of columns) {
    if (seen.has(name)) throw new TableDefinitionError(table, `column ${name} is declared twice`);
    seen.add(name);
  }
}

function checkProjection(
  table: string,
  projection: TableProjection,
  partitions: readonly ColumnDefinition[],
) {
  for (const column of Object.keys(projection.columns)) {
    if (!partitions.some((p) => p.name === column)) {
      throw new TableDefinitionError(table, `projection on ${column}, which is not a partition column`);
    }
  }
  const unprojected = partitions.filter((p) => projection.columns[p.name] === undefined);
  if (unprojected.length > 0) {
    throw new TableDefinitionError(table, `partition ${unprojected[0]?.name} has no projection`);
  }
}

function checkLocation(table: string, location: string): string {
  if (location.trim() === '' || /['\\\n]/.test(location)) {
    throw new TableDefinitionError(table, `location ${JSON.stringify(location)} is not usable`);
  }
  return location.startsWith('s3://') && !location.endsWith('/') ? `${location}/` : location;
}

function csvDefaults(table: string, csv: CsvOptions = {}): Required<CsvOptions> {
  const resolved = {
    serde: 'OpenCSVSerde',
    delimiter: ',',
    quote: '"',
    escape: '\\',
    skipHeaderLines: 1,
    ...csv,
  };
  for (const key of ['delimiter', 'quote', 'escape'] as const) {
    if ([...resolved[key]].length !== 1)
      throw new TableDefinitionError(table, `csv ${key} must be one character`);
  }
  return resolved as Required<CsvOptions>;
}
