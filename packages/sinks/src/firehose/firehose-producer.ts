import { FirehoseClient, type FirehoseClientConfig, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { RetryOptions } from '@sluice/core/retry';
import {
  type DeliveryReport,
  deliverRecords,
  type EntryResult,
  packInOrder,
  resultsInOrder,
} from '../notify/delivery.js';
import { FirehoseStreamMissingError } from './errors.js';
import { encodeFirehoseRecord, FIREHOSE_LIMITS, toFirehoseEntry } from './limits.js';

/** Options of {@link FirehoseProducer}. */
export interface FirehoseProducerOptions<T> {
  deliveryStreamName: string;
  /** A ready client, or `clientConfig` to create one on first use. */
  client?: FirehoseClient;
  clientConfig?: FirehoseClientConfig;
  /** Default: bytes as they are, strings as UTF-8, anything else as one JSON line. */
  encode?: (record: T) => Uint8Array;
  /** Backoff and attempt budget per record. Default: 8 attempts. */
  retry?: Omit<RetryOptions, 'signal'>;
}

// Firehose reports per-record ServiceUnavailable/InternalFailure for transient trouble; KMS
// access problems will not go away by retrying.
const RETRYABLE_ENTRY_ERRORS = new Set([
  'ServiceUnavailableException',
  'InternalFailure',
  'ThrottlingException',
  'KMSThrottlingException',
]);

/**
 * Puts records on a Firehose delivery stream with PutRecordBatch (≤ 500 records, ≤ 4 MiB per
 * call). Records over 1000 KiB are rejected with a reason; entries a response marks failed
 * (`FailedPutCount`, `RequestResponses[].ErrorCode`) are retried alone with full-jitter backoff.
 *
 * @example
 * const producer = new FirehoseProducer({ deliveryStreamName: 'clicks' });
 * const report = await producer.put(clicks); // { sent, retried, rejected, failed }
 */
export class FirehoseProducer<T> {
  readonly #options: FirehoseProducerOptions<T>;
  #client: FirehoseClient | undefined;

  constructor(options: FirehoseProducerOptions<T>) {
    if (!options.deliveryStreamName) throw new FirehoseStreamMissingError();
    this.#options = options;
    this.#client = options.client;
  }

  async put(records: readonly T[], options: { signal?: AbortSignal } = {}): Promise<DeliveryReport<T>> {
    const encode = this.#options.encode ?? encodeFirehoseRecord;
    return deliverRecords(records, (record, index) => toFirehoseEntry(record, index, encode), {
      pack: (pending) =>
        packInOrder(pending, {
          maxEntries: FIREHOSE_LIMITS.recordsPerCall,
          maxBytes: FIREHOSE_LIMITS.bytesPerCall,
          size: (data) => data.length,
        }),
      send: (batch, signal) => this.#send(batch, signal),
      retry: this.#options.retry,
      signal: options.signal,
    });
  }

  async #send(batch: Uint8Array[], signal: AbortSignal | undefined): Promise<EntryResult[]> {
    const command = new PutRecordBatchCommand({
      DeliveryStreamName: this.#options.deliveryStreamName,
      Records: batch.map((data) => ({ Data: data })),
    });
    this.#client ??= new FirehoseClient(this.#options.clientConfig ?? {});
    const out = await this.#client.send(command, { abortSignal: signal });
    return resultsInOrder(batch.length, out.RequestResponses, RETRYABLE_ENTRY_ERRORS);
  }
}
