import { encodeJsonLines } from '@sluice/core/codecs';
import type { BatchReport } from '@sluice/core/lambda';
import type { Rejection, RunReport } from '@sluice/core/outcome';
import { RunTally } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import { writeDataset } from '@sluice/sinks/dataset';
import type { ParquetSchema } from '@sluice/sinks/parquet';
import { batchIdFromSequenceNumbers, batchObjectKey } from '@sluice/transforms/maintenance';
import { DATASET_PREFIXES, type Domain, quarantinePrefix } from '../layout.js';

type Row = Record<string, unknown>;

/** Where a processor writes one invocation's records. */
export interface LakeBatchTarget {
  store: ObjectStore;
  prefix: string;
  schema: ParquetSchema;
  partitionBy: string;
  quarantinePrefix: string;
  /**
   * Prepended to batch ids. Kinesis never reuses a sequence number, but the local runner numbers
   * each run from 1, so local runs tag batches with the chunk they ingest.
   */
  batchTag?: string;
  /** Receives the account of each invocation whose outputs were all written. */
  onBatch?: (report: RunReport) => void | Promise<void>;
}

/** What a processor's caller says about its target; the domain fills in the rest (see {@link lakeTarget}). */
export type LakeTargetOptions = Omit<
  LakeBatchTarget,
  'prefix' | 'schema' | 'partitionBy' | 'quarantinePrefix'
>;

/**
 * Where a domain's processor writes: its dataset's prefix and quarantine, its schema and partition column.
 *
 * @example const target = lakeTarget('customers', options, CUSTOMERS_PARQUET, 'customer_segment');
 */
export function lakeTarget(
  domain: Domain,
  options: LakeTargetOptions,
  schema: ParquetSchema,
  partitionBy: string,
): LakeBatchTarget {
  return {
    ...options,
    prefix: DATASET_PREFIXES[domain],
    schema,
    partitionBy,
    quarantinePrefix: quarantinePrefix(domain),
  };
}

/** The records one invocation settled, in shard order, gathered until the batch is written. */
export class LakeBatch<T extends Row> {
  readonly rows: T[] = [];
  readonly rejections: Rejection[] = [];
  readonly sequenceNumbers: string[] = [];

  keep(sequenceNumber: string, row: T): void {
    this.sequenceNumbers.push(sequenceNumber);
    this.rows.push(row);
  }

  reject(sequenceNumber: string, rejection: Rejection): void {
    this.sequenceNumbers.push(sequenceNumber);
    this.rejections.push(rejection);
  }

  /** Derived from the sequence numbers, so a redelivered batch overwrites its own files. */
  batchId(tag = ''): string | undefined {
    if (this.sequenceNumbers.length === 0) return undefined;
    return `${tag}${batchIdFromSequenceNumbers(this.sequenceNumbers)}`;
  }
}

/**
 * Writes a settled batch: kept rows to the partitioned Parquet dataset, rejects to quarantine,
 * then reports. Throwing here fails the invocation, so Lambda (or the local runner) redelivers it.
 */
export async function writeLakeBatch<T extends Row>(
  target: LakeBatchTarget,
  batch: LakeBatch<T>,
  report: BatchReport,
  extra?: (batchId: string) => Promise<void>,
): Promise<void> {
  const batchId = batch.batchId(target.batchTag);
  if (batchId === undefined) return;
  const written = await writeDataset({
    store: target.store,
    prefix: target.prefix,
    format: 'parquet',
    parquet: { schema: target.schema },
    partitionBy: [target.partitionBy],
    batchId,
    records: batch.rows,
  });
  const rejections = [...batch.rejections, ...written.rejected];
  if (rejections.length > 0) {
    await target.store.put(
      batchObjectKey(target.quarantinePrefix, batchId, 'jsonl'),
      encodeJsonLines(rejections),
    );
  }
  await extra?.(batchId);
  await target.onBatch?.(settledReport(report, written.rejected));
}

/** The invocation's report with rows the dataset writer refused moved from kept to rejected. */
function settledReport(report: BatchReport, refused: readonly Rejection[]): RunReport {
  const tally = new RunTally();
  tally.absorb({ ...report, kept: report.kept - refused.length });
  for (const rejection of refused) tally.reject(rejection.reason);
  return { ...tally.report(), startedAt: report.startedAt, durationMs: report.durationMs };
}
