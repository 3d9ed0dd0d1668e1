import { FirehoseClient, type FirehoseClientConfig, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import {
  BatchProducer,
  type CallLimits,
  type ProducerOptions,
  type ProducerService,
} from '../notify/batch-producer.js';
import { FirehoseStreamMissingError } from './errors.js';
import { encodeFirehoseRecord, FIREHOSE_LIMITS, toFirehoseEntry } from './limits.js';

/** Options of {@link FirehoseProducer}. */
export interface FirehoseProducerOptions<T> extends ProducerOptions<FirehoseClient, FirehoseClientConfig> {
  deliveryStreamName: string;
  /** Default: bytes as they are, strings as UTF-8, anything else as one JSON line. */
  encode?: (record: T) => Uint8Array;
}

// Firehose reports per-record ServiceUnavailable/InternalFailure for transient trouble; KMS
// access problems will not go away by retrying.
const FIREHOSE_SERVICE: ProducerService<FirehoseClient, FirehoseClientConfig> = {
  retryableErrors: new Set([
    'ServiceUnavailableException',
    'InternalFailure',
    'ThrottlingException',
    'KMSThrottlingException',
  ]),
  createClient: (config) => new FirehoseClient(config),
};

const CALL_LIMITS: CallLimits<Uint8Array> = {
  maxEntries: FIREHOSE_LIMITS.recordsPerCall,
  maxBytes: FIREHOSE_LIMITS.bytesPerCall,
  size: (data) => data.length,
};

/**
 * Puts records on a Firehose delivery stream with PutRecordBatch (≤ 500 records, ≤ 4 MiB per
 * call). Records over 1000 KiB are rejected with a reason; entries a response marks failed
 * (`FailedPutCount`, `RequestResponses[].ErrorCode`) are retried alone with full-jitter backoff.
 *
 * @example
 * const producer = new FirehoseProducer({ deliveryStreamName: 'clicks' });
 * const report = await producer.put(clicks); // { sent, retried, rejected, failed }
 */
export class FirehoseProducer<T> extends BatchProducer<T, Uint8Array, FirehoseProducerOptions<T>> {
  constructor(options: FirehoseProducerOptions<T>) {
    if (!options.deliveryStreamName) throw new FirehoseStreamMissingError();
    super(options, FIREHOSE_SERVICE);
  }

  protected entryOf(record: T, index: number) {
    return toFirehoseEntry(record, index, this.options.encode ?? encodeFirehoseRecord);
  }

  protected callLimits(): CallLimits<Uint8Array> {
    return CALL_LIMITS;
  }

  protected async sendCall(batch: Uint8Array[], signal: AbortSignal | undefined) {
    const command = new PutRecordBatchCommand({
      DeliveryStreamName: this.options.deliveryStreamName,
      Records: batch.map((data) => ({ Data: data })),
    });
    const out = await this.client().send(command, { abortSignal: signal });
    return out.RequestResponses;
  }
}
