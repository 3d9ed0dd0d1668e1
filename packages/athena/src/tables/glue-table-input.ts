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

type CdkColumn = { name: string; type: string; comment?: string };

/** The same table input with the camelCase keys of CDK's `CfnTable.TableInputProperty`. */
export interface CdkTableInput {
  name: string;
  description?: string;
  tableType: 'EXTERNAL_TABLE';
  parameters: Record<string, string>;
  partitionKeys: CdkColumn[];
  storageDescriptor: {
    columns: CdkColumn[];
    location: string;
    inputFormat: string;
    outputFormat: string;
    serdeInfo: { serializationLibrary: string; parameters: Record<string, string> };
  };
}

/**
 * {@link toGlueTableInput} with CDK L1 (`glue.CfnTable`) property names.
 *
 * @example new glue.CfnTable(this, 'Clicks', { catalogId, databaseName, tableInput: toCdkTableInput(clicks) });
 */
export function toCdkTableInput(table: TableDefinition): CdkTableInput {
  const glue = toGlueTableInput(table);
  const sd = glue.StorageDescriptor;
  return {
    name: glue.Name,
    ...(glue.Description !== undefined && { description: glue.Description }),
    tableType: glue.TableType,
    parameters: glue.Parameters,
    partitionKeys: glue.PartitionKeys.map(cdkColumn),
    storageDescriptor: {
      columns: sd.Columns.map(cdkColumn),
      location: sd.Location,
      inputFormat: sd.InputFormat,
      outputFormat: sd.OutputFormat,
      serdeInfo: {
        serializationLibrary: sd.SerdeInfo.SerializationLibrary,
        parameters: sd.SerdeInfo.Parameters,
      },
    },
  };
}

function cdkColumn(column: GlueColumn): CdkColumn {
  return {
    name: column.Name,
    type: column.Type,
    ...(column.Comment !== undefined && { comment: column.Comment }),
  };
}
