import { defineTable, type TableDefinition } from '@sluice/athena';
import { listAll, type ObjectStore } from '@sluice/core/storage';
import { DashboardQueryError } from './errors.js';
import { processedColumns, sampleLines } from './processed-schema.js';

/**
 * The crawler's job: the `processed` table over every file under `processed/`, its columns inferred
 * from a sample of the first one (`orderid, customerid, orderdate, status` as text, `amount` double
 * for the seed's orders). `location` is `s3://bucket/processed/` on Athena or the local folder the
 * DuckDB engine reads.
 *
 * @example
 * const table = await crawlProcessed(store, join(store.root, 'processed'));
 * await engine.registerTable(table);
 */
export async function crawlProcessed(store: ObjectStore, location: string): Promise<TableDefinition> {
  for await (const object of listAll(store, 'processed/')) {
    if (!object.key.toLowerCase().endsWith('.csv')) continue;
    const columns = processedColumns(await sampleLines(store, object.key));
    return defineTable({ name: 'processed', format: 'csv', location, columns });
  }
  throw new DashboardQueryError(
    'no processed CSV to infer the processed table from: put an object under raw/ first',
  );
}
