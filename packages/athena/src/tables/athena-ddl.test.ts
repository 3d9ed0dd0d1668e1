import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { processedOrderColumns } from '../duckdb/fixtures/processed-orders.js';
import { toCreateTableDdl } from './athena-ddl.js';
import { TableDefinitionError } from './errors.js';
import { columnsOf } from './fixtures/columns.js';
import { toCdkTableInput, toGlueTableInput } from './glue-table-input.js';
import { defineTable, type PartitionProjection } from './table-definition.js';

// The seed 001 clickstream table: JSON from Firehose under YYYY/MM/DD/HH prefixes, one partition an hour.
const hourly: PartitionProjection = {
  type: 'date',
  format: 'yyyy/MM/dd/HH',
  range: ['2021/01/01/00', 'NOW'],
};
const clicks = defineTable({
  name: 'clicks',
  database: 'clickstream',
  format: 'json',
  location: 's3://clicks-bucket/clicks',
  schema: z.object({
    element_clicked: z.string(),
    time_spent: z.int(),
    source_menu: z.string(),
    created_at: z.string(),
  }),
  partitions: [{ name: 'datehour', type: 'string' }],
  projection: {
    columns: { datehour: { ...hourly, interval: 1, unit: 'HOURS' } },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's own placeholder syntax
    locationTemplate: 's3://clicks-bucket/clicks/${datehour}/',
  },
});

describe('toCreateTableDdl', () => {
  it('renders a CSV table with OpenCSVSerde and a skipped header', () => {
    const table = defineTable({
      name: 'processed',
      format: 'csv',
      location: 's3://orders/processed/',
      columns: processedOrderColumns,
    });
    expect(toCreateTableDdl(table)).toMatchInlineSnapshot(`
      "CREATE EXTERNAL TABLE IF NOT EXISTS \`processed\` (
        \`orderid\` string,
        \`customerid\` string,
        \`orderdate\` string,
        \`status\` string,
        \`amount\` double
      )
      ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
      WITH SERDEPROPERTIES (
        'separatorChar' = ',',
        'quoteChar' = '"',
        'escapeChar' = '\\\\'
      )
      STORED AS TEXTFILE
      LOCATION 's3://orders/processed/'
      TBLPROPERTIES (
        'skip.header.line.count' = '1'
      );"
    `);
  });

  it('escapes quotes and backslashes in comments and locations', () => {
    const columns = [{ name: 'a', type: 'string', comment: "it's a \\ thing" }];
    const table = defineTable({ name: 't', format: 'parquet', location: 's3://b/p/', columns });
    expect(toCreateTableDdl(table)).toContain("COMMENT 'it\\'s a \\\\ thing'");
  });

  it('renders the partition-projected JSON table of the clickstream', () => {
    expect(toCreateTableDdl(clicks)).toMatchInlineSnapshot(`
      "CREATE EXTERNAL TABLE IF NOT EXISTS \`clickstream\`.\`clicks\` (
        \`element_clicked\` string,
        \`time_spent\` bigint,
        \`source_menu\` string,
        \`created_at\` string
      )
      PARTITIONED BY (
        \`datehour\` string
      )
      ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
      STORED AS TEXTFILE
      LOCATION 's3://clicks-bucket/clicks/'
      TBLPROPERTIES (
        'projection.enabled' = 'true',
        'projection.datehour.type' = 'date',
        'projection.datehour.format' = 'yyyy/MM/dd/HH',
        'projection.datehour.range' = '2021/01/01/00,NOW',
        'projection.datehour.interval' = '1',
        'projection.datehour.interval.unit' = 'HOURS',
        'storage.location.template' = 's3://clicks-bucket/clicks/\${datehour}/'
      );"
    `);
  });

  it('renders a tab-separated LazySimpleSerDe table without header skipping', () => {
    const columns = [...columnsOf('event_time:timestamp'), { name: 'price', type: 'DECIMAL(10, 2)' }];
    const csv = { serde: 'LazySimpleSerDe', delimiter: '\t', skipHeaderLines: 0 } as const;
    const table = defineTable({ name: 'events', format: 'csv', location: 's3://lake/events/', columns, csv });
    expect(toCreateTableDdl(table)).toMatchInlineSnapshot(`
      "CREATE EXTERNAL TABLE IF NOT EXISTS \`events\` (
        \`event_time\` timestamp,
        \`price\` decimal(10,2)
      )
      ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
      WITH SERDEPROPERTIES (
        'field.delim' = '\\t',
        'serialization.format' = '\\t'
      )
      STORED AS TEXTFILE
      LOCATION 's3://lake/events/';"
    `);
  });

  it('renders a Parquet table with Hive partitions, integer and enum projection', () => {
    const table = defineTable({
      name: 'readings',
      format: 'parquet',
      location: 's3://lake/readings/',
      columns: columnsOf(
        'machine_id:string score:double tags:array<string> sensor:struct<name:string,value:double>',
      ),
      partitions: columnsOf('year:int site:string'),
      projection: {
        columns: {
          year: { type: 'integer', range: [2020, 2030] },
          site: { type: 'enum', values: ['north', 'south'] },
        },
      },
    });
    expect(toCreateTableDdl(table)).toMatchInlineSnapshot(`
      "CREATE EXTERNAL TABLE IF NOT EXISTS \`readings\` (
        \`machine_id\` string,
        \`score\` double,
        \`tags\` array<string>,
        \`sensor\` struct<name:string,value:double>
      )
      PARTITIONED BY (
        \`year\` int,
        \`site\` string
      )
      STORED AS PARQUET
      LOCATION 's3://lake/readings/'
      TBLPROPERTIES (
        'projection.enabled' = 'true',
        'projection.year.type' = 'integer',
        'projection.year.range' = '2020,2030',
        'projection.site.type' = 'enum',
        'projection.site.values' = 'north,south'
      );"
    `);
    const glueProjection = { 'projection.year.range': '2020,2030', 'projection.site.values': 'north,south' };
    expect(toGlueTableInput(table).Parameters).toMatchObject(glueProjection);
  });
});

describe('defineTable', () => {
  it('refuses unsafe names, unknown types, duplicate columns and projection on non-partitions', () => {
    const base = {
      name: 'orders',
      format: 'csv' as const,
      location: 's3://b/',
      columns: processedOrderColumns,
    };
    expect(() => defineTable({ ...base, name: 'orders; drop' })).toThrow('orders; drop');
    expect(() => defineTable({ ...base, columns: [{ name: 'a', type: 'money' }] })).toThrow(
      /column a has unknown type "money"/,
    );
    expect(() => defineTable({ ...base, partitions: [{ name: 'status', type: 'string' }] })).toThrow(
      TableDefinitionError,
    );
    expect(() => defineTable({ ...base, projection: { columns: { dt: { type: 'injected' } } } })).toThrow(
      'projection on dt, which is not a partition column',
    );
  });

  it('derives column types from a zod object schema', () => {
    const table = defineTable({
      name: 'tx',
      format: 'json',
      location: 's3://b/tx/',
      schema: z.object({
        id: z.string(),
        quantity: z.int(),
        price: z.number(),
        day: z.iso.date(),
        at: z.iso.datetime(),
        ok: z.optional(z.boolean()),
        tags: z.array(z.string()),
        attrs: z.record(z.string(), z.number()),
        item: z.object({ sku: z.string() }),
      }),
    });
    expect(table.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
      'id string',
      'quantity bigint',
      'price double',
      'day date',
      'at timestamp',
      'ok boolean',
      'tags array<string>',
      'attrs map<string,double>',
      'item struct<sku:string>',
    ]);
  });
});

describe('toGlueTableInput', () => {
  it('describes the same table for Glue and CDK, projection included', () => {
    const input = toGlueTableInput(clicks);
    expect(input).toMatchInlineSnapshot(`
      {
        "Name": "clicks",
        "Parameters": {
          "EXTERNAL": "TRUE",
          "classification": "json",
          "projection.datehour.format": "yyyy/MM/dd/HH",
          "projection.datehour.interval": "1",
          "projection.datehour.interval.unit": "HOURS",
          "projection.datehour.range": "2021/01/01/00,NOW",
          "projection.datehour.type": "date",
          "projection.enabled": "true",
          "storage.location.template": "s3://clicks-bucket/clicks/\${datehour}/",
        },
        "PartitionKeys": [
          {
            "Name": "datehour",
            "Type": "string",
          },
        ],
        "StorageDescriptor": {
          "Columns": [
            {
              "Name": "element_clicked",
              "Type": "string",
            },
            {
              "Name": "time_spent",
              "Type": "bigint",
            },
            {
              "Name": "source_menu",
              "Type": "string",
            },
            {
              "Name": "created_at",
              "Type": "string",
            },
          ],
          "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
          "Location": "s3://clicks-bucket/clicks/",
          "OutputFormat": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
          "SerdeInfo": {
            "Parameters": {},
            "SerializationLibrary": "org.openx.data.jsonserde.JsonSerDe",
          },
        },
        "TableType": "EXTERNAL_TABLE",
      }
    `);
    expect(toCdkTableInput(clicks).storageDescriptor.serdeInfo.serializationLibrary).toBe(
      'org.openx.data.jsonserde.JsonSerDe',
    );
    expect(toCdkTableInput(clicks).parameters).toEqual(input.Parameters);
  });
});
