import { defineTable, type TableDefinition } from '@sluice/athena';

/** Where the delivery stream writes: the S3 prefixes both Firehose (CDK) and the local stream use. */
export const CLICKS_PREFIX = 'clicks/!{partitionKeyFromLambda:datehour}/';
export const CLICKS_ERROR_PREFIX = 'clicks-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/';

/** Options of {@link clicksTable}. */
export interface ClicksTableOptions {
  bucket: string;
  database?: string;
  /** First hour partition projection enumerates, `yyyy/MM/dd/HH`. Default `2022/01/01/00`. */
  firstHour?: string;
}

/**
 * The seed's Athena table over the enriched clicks: JSON (openx SerDe) under
 * `s3://<bucket>/clicks/YYYY/MM/DD/HH/`, with partition projection on `datehour`, so new hours are
 * queryable without crawlers or `MSCK REPAIR`. `created_at` is an ISO 8601 string
 * (`from_iso8601_timestamp(created_at)` in SQL): the JSON SerDe does not read `T…Z` timestamps.
 * `time_spent` is a double because the click schema allows fractions.
 *
 * @example await athena.execute(toCreateTableDdl(clicksTable({ bucket: 'clicks-bucket', database: 'clickstream' })));
 */
export function clicksTable(options: ClicksTableOptions): TableDefinition {
  const location = `s3://${options.bucket}/clicks/`;
  return defineTable({
    name: 'clicks',
    ...(options.database !== undefined && { database: options.database }),
    format: 'json',
    location,
    columns: [
      { name: 'element_clicked', type: 'string' },
      { name: 'time_spent', type: 'double' },
      { name: 'source_menu', type: 'string' },
      { name: 'created_at', type: 'string' },
      { name: 'item_category', type: 'string' },
      { name: 'item_number', type: 'bigint' },
    ],
    partitions: [{ name: 'datehour', type: 'string' }],
    projection: {
      columns: {
        datehour: {
          type: 'date',
          format: 'yyyy/MM/dd/HH',
          range: [options.firstHour ?? '2022/01/01/00', 'NOW'],
          interval: 1,
          unit: 'HOURS',
        },
      },
      locationTemplate: `${location}\${datehour}/`,
    },
  });
}
