import { BotDetector, type BotDetectorOptions } from '@sluice/transforms/bots';
import type { DetectionPublisher, PublishCounts } from './detection-publisher.js';
import type { DetectorStates } from './detector-states.js';

/**
 * End of input for a finite local run: closes every shard's open windows and publishes what they
 * detect. A live stream never ends, so on AWS windows close only as newer events move the watermark.
 *
 * @example await closeWindows(states, publisher, { windowMs: 10_000 });
 */
export async function closeWindows(
  states: DetectorStates,
  publisher: DetectionPublisher,
  options: BotDetectorOptions = {},
): Promise<PublishCounts> {
  const total: PublishCounts = { created: 0, duplicate: 0, conflict: 0, alerts: 0 };
  for (const shard of await states.shards()) {
    const detector = new BotDetector(options);
    detector.restore(await states.load(shard));
    const counts = await publisher.publish(detector.flush());
    await states.save(shard, detector.snapshot());
    addCounts(total, counts);
  }
  return total;
}

/** Adds `more` into `total`. */
export function addCounts(total: PublishCounts, more: PublishCounts): void {
  total.created += more.created;
  total.duplicate += more.duplicate;
  total.conflict += more.conflict;
  total.alerts += more.alerts;
}
