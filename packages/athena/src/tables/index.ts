export { toCreateTableDdl } from './athena-ddl.js';
export { athenaColumnName, athenaColumnNames } from './column-names.js';
export { type ColumnType, formatColumnType, parseColumnType, toDuckDbType } from './column-types.js';
export { columnsFromSchema, type ObjectSchemaLike } from './columns-from-schema.js';
export { TableDefinitionError } from './errors.js';
export {
  type CdkTableInput,
  type GlueTableInput,
  toCdkTableInput,
  toGlueTableInput,
} from './glue-table-input.js';
export { type InferredSchema, type InferSchemaOptions, inferSchema } from './infer-schema.js';
export { type StorageFormat, storageFormatOf, tablePropertiesOf } from './storage-formats.js';
export {
  type ColumnDefinition,
  type CsvOptions,
  defineTable,
  type PartitionProjection,
  type ProjectionUnit,
  type TableDefinition,
  type TableFormat,
  type TableProjection,
  type TableSpec,
} from './table-definition.js';
