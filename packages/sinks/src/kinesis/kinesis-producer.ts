import { KinesisClient, type KinesisClientConfig, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { RetryOptions } from '@sluice/core/retry';
import {
  type DeliveryReport,
  deliverRecords,
  type EntryResult,
  type PendingEntry,
  packInOrder,
  resultsInOrder,
} from '../notify/delivery.js';
import { KinesisStreamMissingError } from './errors.js';
import { KINESIS_LIMITS, type KinesisEntry, toKinesisEntry } from './limits.js';

/** Options of {@link KinesisProducer}. */
export interface KinesisProducerOptions<T> {
  streamName?: string;
  streamARN?: string;
  /** A ready client, or `clientConfig` to create one on first use. */
  client?: KinesisClient;
  clientConfig?: KinesisClientConfig;
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
  /** Backoff and attempt budget per record. Default: 8 attempts. */
  retry?: Omit<RetryOptions, 'signal'>;
}

// Throughput and transient faults are worth another attempt; KMS access errors are not.
const RETRYABLE_ENTRY_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'InternalFailure',
  'KMSThrottlingException',
]);

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
export class KinesisProducer<T> {
  readonly #options: KinesisProducerOptions<T>;
  #client: KinesisClient | undefined;

  constructor(options: KinesisProducerOptions<T>) {
    if (!options.streamName && !options.streamARN) throw new KinesisStreamMissingError();
    this.#options = options;
    this.#client = options.client;
  }

  async put(records: readonly T[], options: { signal?: AbortSignal } = {}): Promise<DeliveryReport<T>> {
    const toEntry = (record: T, index: number) =>
      toKinesisEntry(record, this.#partitionKeyOf(record, index), index, this.#options.encode);
    return deliverRecords(records, toEntry, {
      pack: (pending) => this.#pack(pending),
      send: (batch, signal) => this.#send(batch, signal),
      retry: this.#options.retry,
      signal: options.signal,
    });
  }

  #partitionKeyOf(record: T, index: number): string {
    const key = this.#options.partitionKey;
    return typeof key === 'string' ? key : key(record, index);
  }

  #pack(pending: readonly PendingEntry<KinesisEntry>[]): PendingEntry<KinesisEntry>[] {
    return packInOrder(pending, {
      maxEntries: KINESIS_LIMITS.recordsPerCall,
      maxBytes: KINESIS_LIMITS.bytesPerCall,
      size: (entry) => entry.bytes,
      key: this.#options.ordering === 'none' ? undefined : (entry) => entry.partitionKey,
    });
  }

  async #send(batch: KinesisEntry[], signal: AbortSignal | undefined): Promise<EntryResult[]> {
    const command = new PutRecordsCommand({
      StreamName: this.#options.streamName,
      StreamARN: this.#options.streamARN,
      Records: batch.map((entry) => ({ Data: entry.data, PartitionKey: entry.partitionKey })),
    });
    const out = await this.#lazyClient().send(command, { abortSignal: signal });
    return resultsInOrder(batch.length, out.Records, RETRYABLE_ENTRY_ERRORS);
  }

  #lazyClient(): KinesisClient {
    this.#client ??= new KinesisClient(this.#options.clientConfig ?? {});
    return this.#client;
  }
}
