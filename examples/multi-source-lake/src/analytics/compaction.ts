import type { CtasSpec } from '@sluice/athena';
import type { Domain } from '../layout.js';
import { lakeTables } from './tables.js';

/** Where each run's compacted copy of a dataset goes: `curated/<domain>/run=<execution>/`. */
export const CURATED_PREFIX = 'curated/';

const SOURCE_TABLE: Record<Domain, string> = { maintenance: 'maintenance', customers: 'customers' };

/**
 * The seed's Glue ETL job as one statement per dataset: every row of the table rewritten as ZSTD
 * Parquet in a few large files per partition (the processors write one small file per batch), under
 * `location`. Athena runs it as UNLOAD (`toUnloadSql`), a local run as DuckDB COPY (`toDuckDbCopySql`).
 *
 * @example toUnloadSql(compactionSpec('maintenance', 's3://lake/curated/maintenance/run=1/'))
 */
export function compactionSpec(domain: Domain, location: string): CtasSpec {
  const table = lakeTables().find((t) => t.name === SOURCE_TABLE[domain]);
  if (!table) throw new Error(`no lake table ${SOURCE_TABLE[domain]}`);
  const partitions = table.partitions.map((column) => column.name);
  return {
    columns: [...table.columns.map((column) => column.name), ...partitions],
    from: table.name,
    location,
    partitionedBy: partitions,
  };
}
