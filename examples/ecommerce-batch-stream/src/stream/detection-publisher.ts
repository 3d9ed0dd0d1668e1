import type { KeyValueSink } from '@sluice/sinks/dynamodb';
import { emfMetric } from '@sluice/sinks/metrics';
import type { Notification, Notifier } from '@sluice/sinks/notify';
import type { BotDetection } from '@sluice/transforms/bots';
import { DetectionPublishError } from '../errors.js';
import { METRICS_NAMESPACE } from '../layout.js';

/** Where detections go: the table, the alert topic and the metric log. */
export interface DetectionPublisherOptions {
  /** Keyed `key` (S) + `windowStart` (N): one item per (key, window). */
  table: KeyValueSink;
  /** Receives an alert for each `high` detection. */
  notifier: Notifier;
  /** Writes one EMF line (stdout on Lambda, a log file locally). */
  metrics: (line: string) => void | Promise<void>;
}

/** What a `publish` call did: new items, redelivered ones, and items clashing with stored content. */
export interface PublishCounts {
  created: number;
  duplicate: number;
  conflict: number;
  alerts: number;
}

/**
 * Stores each detection once and announces it once: the item is put if absent, then its metric line
 * and (when high) its alert go out, then the item is marked `published`. A redelivered detection
 * finds its item and announces only if the marking never happened, so a retry after a failure
 * neither duplicates items nor loses alerts.
 *
 * @example
 * const publisher = new DetectionPublisher({ table, notifier, metrics: (line) => console.log(line) });
 * await publisher.publish(detections); // { created: 2, duplicate: 0, conflict: 0, alerts: 1 }
 */
export class DetectionPublisher {
  constructor(readonly options: DetectionPublisherOptions) {}

  async publish(detections: readonly BotDetection[]): Promise<PublishCounts> {
    const counts: PublishCounts = { created: 0, duplicate: 0, conflict: 0, alerts: 0 };
    for (const detection of detections) {
      const outcome = await this.#store(detection);
      counts[outcome.put]++;
      if (outcome.announce) counts.alerts += await this.#announce(detection);
    }
    return counts;
  }

  async #store(detection: BotDetection) {
    const { table } = this.options;
    const key = { key: detection.key, windowStart: detection.windowStart };
    const put = await table.putIfAbsent({ ...detection });
    if (put === 'conflict') return { put, announce: false };
    const published = put === 'duplicate' && (await table.get(key))?.published === true;
    return { put, announce: !published };
  }

  /** Returns the number of alerts sent (0 or 1). */
  async #announce(detection: BotDetection): Promise<number> {
    const dimensions = { Pipeline: 'ecommerce-bots', Severity: detection.severity };
    await this.options.metrics(
      emfMetric('BotDetections', 1, 'Count', dimensions, {
        namespace: METRICS_NAMESPACE,
        timestamp: detection.windowEnd,
      }),
    );
    const alert = detection.severity === 'high' ? await this.#alert(detection) : 0;
    await this.options.table.upsert(
      { key: detection.key, windowStart: detection.windowStart },
      { published: true },
    );
    return alert;
  }

  async #alert(detection: BotDetection): Promise<number> {
    const delivery = await this.options.notifier.publish([alertOf(detection)]);
    const problem = delivery.failed[0] ?? delivery.rejected[0];
    if (problem) {
      throw new DetectionPublishError(
        `alert for ${detection.key} at window ${detection.windowStart} was not delivered: ${problem.reason}: ${problem.message}`,
      );
    }
    return 1;
  }
}

/**
 * The alert a high-severity detection sends.
 *
 * @example alertOf(detection).subject // 'Bot activity: user 600000123, 31 events in 10 s'
 */
export function alertOf(detection: BotDetection): Notification {
  const seconds = (detection.windowEnd - detection.windowStart) / 1000;
  return {
    subject: `Bot activity: user ${detection.key}, ${detection.count} events in ${seconds} s`,
    message: JSON.stringify(detection),
    attributes: { severity: detection.severity },
  };
}
