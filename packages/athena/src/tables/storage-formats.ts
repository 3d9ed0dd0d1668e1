import type { TableDefinition } from './table-definition.js';

/** How Athena/Glue read a table's files: SerDe, its properties and the Hadoop input/output formats. */
export interface StorageFormat {
  serializationLibrary: string;
  serdeParameters: Record<string, string>;
  inputFormat: string;
  outputFormat: string;
}

const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

export const SERDE = {
  openCsv: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
  lazySimple: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
  openxJson: 'org.openx.data.jsonserde.JsonSerDe',
  parquet: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
} as const;

/**
 * The storage format of a table definition.
 *
 * @example storageFormatOf(defineTable({ ...spec, format: 'json' })).serializationLibrary
 * // 'org.openx.data.jsonserde.JsonSerDe'
 */
export function storageFormatOf(table: TableDefinition): StorageFormat {
  if (table.format === 'parquet') {
    return {
      serializationLibrary: SERDE.parquet,
      serdeParameters: {},
      inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    };
  }
  return { ...textSerde(table), inputFormat: TEXT_INPUT, outputFormat: TEXT_OUTPUT };
}

function textSerde(table: TableDefinition): Pick<StorageFormat, 'serializationLibrary' | 'serdeParameters'> {
  const csv = table.csv;
  if (table.format === 'json' || !csv) return { serializationLibrary: SERDE.openxJson, serdeParameters: {} };
  if (csv.serde === 'LazySimpleSerDe') {
    return {
      serializationLibrary: SERDE.lazySimple,
      serdeParameters: { 'field.delim': csv.delimiter, 'serialization.format': csv.delimiter },
    };
  }
  return {
    serializationLibrary: SERDE.openCsv,
    serdeParameters: { separatorChar: csv.delimiter, quoteChar: csv.quote, escapeChar: csv.escape },
  };
}

/**
 * TBLPROPERTIES of a table: header skipping, partition projection and the caller's extras.
 *
 * @example tablePropertiesOf(clicks)['projection.datehour.interval.unit'] // 'HOURS'
 */
export function tablePropertiesOf(table: TableDefinition): Record<string, string> {
  const properties: Record<string, string> = {};
  if (table.csv && table.csv.skipHeaderLines > 0) {
    properties['skip.header.line.count'] = String(table.csv.skipHeaderLines);
  }
  Object.assign(properties, projectionProperties(table), table.properties);
  return properties;
}

function projectionProperties(table: TableDefinition): Record<string, string> {
  if (!table.projection) return {};
  const properties: Record<string, string> = { 'projection.enabled': 'true' };
  for (const [column, projection] of Object.entries(table.projection.columns)) {
    const key = `projection.${column}`;
    properties[`${key}.type`] = projection.type;
    if (projection.type === 'date') {
      properties[`${key}.format`] = projection.format;
      properties[`${key}.range`] = projection.range.join(',');
      if (projection.interval !== undefined) properties[`${key}.interval`] = String(projection.interval);
      if (projection.unit !== undefined) properties[`${key}.interval.unit`] = projection.unit;
    } else if (projection.type === 'integer') {
      properties[`${key}.range`] = projection.range.join(',');
      if (projection.interval !== undefined) properties[`${key}.interval`] = String(projection.interval);
      if (projection.digits !== undefined) properties[`${key}.digits`] = String(projection.digits);
    } else if (projection.type === 'enum') {
      properties[`${key}.values`] = projection.values.join(',');
    }
  }
  if (table.projection.locationTemplate) {
    properties['storage.location.template'] = table.projection.locationTemplate;
  }
  return properties;
}
