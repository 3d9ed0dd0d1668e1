import type { RetryOptions } from '@sluice/core/retry';
import {
  type DeliveryReport,
  deliverRecords,
  type EntryOrRejection,
  type PerRecordAnswer,
  packInOrder,
  resultsInOrder,
} from './delivery.js';

/** What one call may carry; with `key`, a call holds at most one entry per key. */
export interface CallLimits<E> {
  maxEntries: number;
  maxBytes: number;
  size: (entry: E) => number;
  key?: ((entry: E) => string) | undefined;
}

/** What every producer's options hold: a client or its config, and the retry budget. */
export interface ProducerOptions<C, Config> {
  /** A ready client, or `clientConfig` to create one on first use. */
  client?: C;
  clientConfig?: Config;
  /** Backoff and attempt budget per record. Default: 8 attempts. */
  retry?: Omit<RetryOptions, 'signal'>;
}

/** What a backend tells the base class about its service. */
export interface ProducerService<C, Config> {
  /** Error codes of a per-record answer worth another attempt. */
  retryableErrors: ReadonlySet<string>;
  /** Makes the client when the options gave none. */
  createClient: (config: Config) => C;
}

type ClientOf<O extends ProducerOptions<unknown, object>> = NonNullable<O['client']>;
type ServiceOf<O extends ProducerOptions<unknown, object>> = ProducerService<
  ClientOf<O>,
  NonNullable<O['clientConfig']>
>;

/**
 * A producer to a service that takes records in batch calls and answers each record in order
 * (Kinesis PutRecords, Firehose PutRecordBatch). The base class turns records into entries or
 * rejections, packs calls under the service's limits and sends again only the entries a response
 * refuses with a retryable code; a backend says how a record becomes an entry and how a call goes out.
 *
 * @example
 * class FirehoseProducer<T> extends BatchProducer<T, Uint8Array, FirehoseProducerOptions<T>> { … }
 */
export abstract class BatchProducer<T, E, O extends ProducerOptions<unknown, object>> {
  protected readonly options: O;
  readonly #service: ServiceOf<O>;
  #client: ClientOf<O> | undefined;

  constructor(options: O, service: ServiceOf<O>) {
    this.options = options;
    this.#service = service;
    this.#client = options.client as ClientOf<O> | undefined;
  }

  /** Sends every record it can; the report accounts for each one (sent, rejected or failed). */
  async put(records: readonly T[], options: { signal?: AbortSignal } = {}): Promise<DeliveryReport<T>> {
    const limits = this.callLimits();
    return deliverRecords(records, (record, index) => this.entryOf(record, index), {
      pack: (pending) => packInOrder(pending, limits),
      send: async (entries, signal) => {
        const answers = await this.sendCall(entries, signal);
        return resultsInOrder(entries.length, answers, this.#service.retryableErrors);
      },
      retry: this.options.retry,
      signal: options.signal,
    });
  }

  /** The client given in the options, or one created on first use. */
  protected client(): ClientOf<O> {
    this.#client ??= this.#service.createClient(this.options.clientConfig ?? {});
    return this.#client;
  }

  /** The record's entry, or its rejection with a reason. */
  protected abstract entryOf(record: T, index: number): EntryOrRejection<T, E>;
  protected abstract callLimits(): CallLimits<E>;
  /** Sends one call; returns the service's answers, one per entry in request order. */
  protected abstract sendCall(
    entries: E[],
    signal: AbortSignal | undefined,
  ): Promise<readonly PerRecordAnswer[] | undefined>;
}
