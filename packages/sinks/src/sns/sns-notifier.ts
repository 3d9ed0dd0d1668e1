import { PublishBatchCommand, PublishCommand, SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import type { RetryOptions } from '@sluice/core/retry';
import {
  type DeliveryReport,
  deliverRecords,
  type EntryOrRejection,
  type EntryResult,
  type PendingEntry,
  packInOrder,
} from '../notify/delivery.js';
import type { Notification, Notifier } from '../notify/notifier.js';
import { SnsTopicMissingError } from './errors.js';
import { SNS_LIMITS, type SnsEntry, toSnsEntry } from './message.js';

/** Options of {@link SnsNotifier}. */
export interface SnsNotifierOptions {
  topicArn: string;
  /** A ready client, or `clientConfig` to create one on first use. */
  client?: SNSClient;
  clientConfig?: SNSClientConfig;
  /** Backoff and attempt budget per notification. Default: 8 attempts. */
  retry?: Omit<RetryOptions, 'signal'>;
}

type IndexedEntry = SnsEntry & { index: number };

// A batch entry's Id is its input index, so a failure maps back to its notification.
function indexedSnsEntry(
  notification: Notification,
  index: number,
): EntryOrRejection<Notification, IndexedEntry> {
  const built = toSnsEntry(notification, index);
  return built.ok ? { ok: true, entry: { ...built.entry, index } } : built;
}

/**
 * Publishes notifications to an SNS topic: one with Publish, more with PublishBatch in groups of
 * 10 (≤ 256 KiB per call). Subjects are repaired to what SNS accepts; oversize or empty messages
 * are rejected with a reason; failed batch entries are retried unless SNS blames the sender.
 * On a FIFO topic (ARN ending `.fifo`) a notification's `id` is its `MessageDeduplicationId`, so SNS
 * drops a repeat sent within its 5-minute deduplication window, and `groupId` its `MessageGroupId`.
 *
 * @example
 * const notifier: Notifier = new SnsNotifier({ topicArn: process.env.ALERTS_TOPIC_ARN! });
 * await notifier.publish([{ subject: 'Large order', message: JSON.stringify(tx), attributes: { status: 'pending' } }]);
 */
export class SnsNotifier implements Notifier {
  readonly #options: SnsNotifierOptions;
  #client: SNSClient | undefined;

  constructor(options: SnsNotifierOptions) {
    if (!options.topicArn) throw new SnsTopicMissingError();
    this.#options = options;
    this.#client = options.client;
  }

  async publish(
    notifications: readonly Notification[],
    options: { signal?: AbortSignal } = {},
  ): Promise<DeliveryReport<Notification>> {
    return deliverRecords(notifications, indexedSnsEntry, {
      pack: (pending) => this.#pack(pending),
      send: (batch, signal) =>
        batch.length === 1 ? this.#publishOne(batch[0]!, signal) : this.#publishBatch(batch, signal),
      retry: this.#options.retry,
      signal: options.signal,
    });
  }

  #pack(pending: readonly PendingEntry<IndexedEntry>[]): PendingEntry<IndexedEntry>[] {
    const limits = { maxEntries: SNS_LIMITS.entriesPerBatch, maxBytes: SNS_LIMITS.batchBytes };
    return packInOrder(pending, { ...limits, size: (e) => e.bytes });
  }

  async #publishOne(entry: IndexedEntry, signal: AbortSignal | undefined): Promise<EntryResult[]> {
    const command = new PublishCommand({
      TopicArn: this.#options.topicArn,
      Message: entry.message,
      Subject: entry.subject,
      MessageAttributes: entry.attributes,
      ...this.#fifoFields(entry),
    });
    await this.#lazyClient().send(command, { abortSignal: signal });
    return [{ ok: true }];
  }

  async #publishBatch(batch: IndexedEntry[], signal: AbortSignal | undefined): Promise<EntryResult[]> {
    // Ids must be unique within a call; the input index is, and maps a failure back to its record.
    const command = new PublishBatchCommand({
      TopicArn: this.#options.topicArn,
      PublishBatchRequestEntries: batch.map((entry) => ({
        Id: `n${entry.index}`,
        Message: entry.message,
        Subject: entry.subject,
        MessageAttributes: entry.attributes,
        ...this.#fifoFields(entry),
      })),
    });
    const out = await this.#lazyClient().send(command, { abortSignal: signal });
    const failures = new Map((out.Failed ?? []).map((f) => [f.Id, f]));
    return batch.map((entry) => {
      const failure = failures.get(`n${entry.index}`);
      if (!failure) return { ok: true };
      const code = failure.Code ?? 'PublishFailed';
      return { ok: false, code, message: failure.Message ?? code, retryable: failure.SenderFault !== true };
    });
  }

  /** A FIFO topic needs a group on every message; without an id it must dedup by content. */
  #fifoFields(entry: IndexedEntry): { MessageGroupId?: string; MessageDeduplicationId?: string } {
    if (!this.#options.topicArn.endsWith('.fifo')) return {};
    const group = { MessageGroupId: entry.groupId ?? 'default' };
    return entry.id === undefined ? group : { ...group, MessageDeduplicationId: entry.id };
  }

  #lazyClient(): SNSClient {
    this.#client ??= new SNSClient(this.#options.clientConfig ?? {});
    return this.#client;
  }
}
