import { KinesisClient, type KinesisClientConfig, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  BatchProducer,
  type CallLimits,
  type ProducerOptions,
  type ProducerService,
} from '../notify/batch-producer.js';
import { KinesisStreamMissingError } from './errors.js';
import { KINESIS_LIMITS, type KinesisEntry, toKinesisEntry } from './limits.js';

/** Options of {@link KinesisProducer}. */
export interface KinesisProducerOptions<T> extends ProducerOptions<KinesisClient, KinesisClientConfig> {
  streamName?: string;
  streamARN?: string;
  /** One key for every record, or a function deriving it from the record. */
  partitionKey: string | ((record: T, index: number) => string);
  /** Default: strings as UTF-8, bytes as they are, anything else as JSON. */
  encode?: (record: T) => Uint8Array;
  /**
   * `per-key` (default): a call carries at most one record per partition key, so a refused record
   * is always resent before any later record of its key — order within a key survives retries.
   * `none`: pack records freely (fastest); a retried record may land after later ones of its key.
   */
  ordering?: 'per-key' | 'none';
}

// Throughput and transient faults are worth another attempt; KMS access errors are not.
const KINESIS_SERVICE: ProducerService<KinesisClient, KinesisClientConfig> = {
  retryableErrors: new Set([
    'ProvisionedThroughputExceededException',
    'InternalFailure',
    'KMSThrottlingException',
  ]),
  createClient: (config) => new KinesisClient(config),
};

/**
 * Puts records on a Kinesis data stream with PutRecords (≤ 500 records, ≤ 5 MiB per call).
 * Records that cannot be sent (key, size) are rejected with a reason; refused entries of a
 * response are retried alone with full-jitter backoff. Nothing is thrown for a bad record.
 *
 * @example
 * const producer = new KinesisProducer({ streamName: 'readings', partitionKey: (r: Reading) => r.machine_id });
 * const report = await producer.put(readings);
 * // { sent: 998, retried: 3, rejected: [{ index: 17, reason: 'too-large', ... }], failed: [...] }
 */
export class KinesisProducer<T> extends BatchProducer<T, KinesisEntry, KinesisProducerOptions<T>> {
  constructor(options: KinesisProducerOptions<T>) {
    if (!options.streamName && !options.streamARN) throw new KinesisStreamMissingError();
    super(options, KINESIS_SERVICE);
  }

  protected entryOf(record: T, index: number) {
    const key = this.options.partitionKey;
    const partitionKey = typeof key === 'string' ? key : key(record, index);
    return toKinesisEntry(record, partitionKey, index, this.options.encode);
  }

  protected callLimits(): CallLimits<KinesisEntry> {
    return {
      maxEntries: KINESIS_LIMITS.recordsPerCall,
      maxBytes: KINESIS_LIMITS.bytesPerCall,
      size: (entry) => entry.bytes,
      key: this.options.ordering === 'none' ? undefined : (entry) => entry.partitionKey,
    };
  }

  protected async sendCall(batch: KinesisEntry[], signal: AbortSignal | undefined) {
    const command = new PutRecordsCommand({
      StreamName: this.options.streamName,
      StreamARN: this.options.streamARN,
      Records: batch.map((entry) => ({ Data: entry.data, PartitionKey: entry.partitionKey })),
    });
    const out = await this.client().send(command, { abortSignal: signal });
    return out.Records;
  }
}
