import { storageFormatOf, tablePropertiesOf } from './storage-formats.js';
import type { ColumnDefinition, TableDefinition } from './table-definition.js';

interface GlueColumn {
  Name: string;
  Type: string;
  Comment?: string;
}

/** The Glue `TableInput` shape (Glue API, CloudFormation `AWS::Glue::Table`). */
export interface GlueTableInput {
  Name: string;
  Description?: string;
  TableType: 'EXTERNAL_TABLE';
  Parameters: Record<string, string>;
  PartitionKeys: GlueColumn[];
  StorageDescriptor: {
    Columns: GlueColumn[];
    Location: string;
    InputFormat: string;
    OutputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters: Record<string, string> };
  };
}

/**
 * The Glue `TableInput` for a table definition: the same table as {@link toCreateTableDdl}, for
 * `glue.CreateTable` or a CloudFormation/CDK `AWS::Glue::Table`.
 *
 * @example
 * new glue.CfnTable(this, 'Processed', {
 *   catalogId: this.account,
 *   databaseName: 'orders_db',
 *   tableInput: toCdkTableInput(processed),
 * });
 */
export function toGlueTableInput(table: TableDefinition): GlueTableInput {
  const format = storageFormatOf(table);
  return {
    Name: table.name,
    ...(table.comment !== undefined && { Description: table.comment }),
    TableType: 'EXTERNAL_TABLE',
    Parameters: { EXTERNAL: 'TRUE', classification: table.format, ...tablePropertiesOf(table) },
    PartitionKeys: table.partitions.map(glueColumn),
    StorageDescriptor: {
      Columns: table.columns.map(glueColumn),
      Location: table.location,
      InputFormat: format.inputFormat,
      OutputFormat: format.outputFormat,
      SerdeInfo: { SerializationLibrary: format.serializationLibrary, Parameters: format.serdeParameters },
    },
  };
}

function glueColumn(column: ColumnDefinition): GlueColumn {
  return {
    Name: column.name,
    Type: column.type,
    ...(column.comment !== undefined && { Comment: column.comment }),
  };
}

/**
 * `T` with the first letter of every key lower-cased, at every depth: CDK's L1 names for Glue's
 * (`StorageDescriptor` → `storageDescriptor`). Map types (`Record<string, string>`) keep their keys.
 */
type CamelCased<T> = T extends readonly (infer U)[]
  ? CamelCased<U>[]
  : T extends object
    ? { [K in keyof T as Uncapitalize<K & string>]: CamelCased<T[K]> }
    : T;

/** The same table input with the camelCase keys of CDK's `CfnTable.TableInputProperty`. */
export type CdkTableInput = CamelCased<GlueTableInput>;

/**
 * {@link toGlueTableInput} with CDK L1 (`glue.CfnTable`) property names.
 *
 * @example new glue.CfnTable(this, 'Clicks', { catalogId, databaseName, tableInput: toCdkTableInput(clicks) });
 */
export function toCdkTableInput(table: TableDefinition): CdkTableInput {
  return camelCased(toGlueTableInput(table)) as CdkTableInput;
}

// Glue's `Parameters` are table and SerDe properties named by Hive and Athena: their keys stay as written.
function camelCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCased);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key.charAt(0).toLowerCase() + key.slice(1),
      key === 'Parameters' ? field : camelCased(field),
    ]),
  );
}
