import {
  type BatchItemFailuresResponse,
  type BatchReport,
  jsonData,
  type KinesisEvent,
  parseKinesisEvent,
  processKinesisBatch,
} from '@sluice/core/lambda';
import { dropped, type Rejection } from '@sluice/core/outcome';
import {
  type BotDetection,
  BotDetector,
  type BotDetectorOptions,
  type BotEvent,
  BotEventChecker,
} from '@sluice/transforms/bots';
import type { DetectionPublisher, PublishCounts } from './detection-publisher.js';
import type { DetectorStates } from './detector-states.js';

/** What the bot detection handler needs; the same on Lambda and locally. */
export interface BotStreamHandlerOptions {
  states: DetectorStates;
  publisher: DetectionPublisher;
  detector?: BotDetectorOptions;
  /**
   * Receives the records of one invocation that could not be read, under an id derived from the
   * batch's first sequence number, so a redelivered batch replaces its own quarantine object.
   */
  quarantine: (batchId: string, rejections: Rejection[]) => Promise<void>;
  /** Receives the account of each invocation whose detections and state were saved. */
  onInvocation?: (report: BatchReport, published: PublishCounts) => void | Promise<void>;
}

/**
 * The Kinesis handler of the real-time path: restores the shard's detector, counts the batch's
 * events (late ones dropped as `late`, unreadable ones rejected), publishes the windows that closed,
 * then saves the state. Any failure throws before the state is saved, so the whole batch is
 * redelivered onto the previous state and yields the same detections again (published idempotently).
 *
 * @example
 * export const handler = botStreamHandler({ states, publisher, quarantine, detector: { windowMs: 10_000 } });
 */
export function botStreamHandler(
  options: BotStreamHandlerOptions,
): (event: KinesisEvent) => Promise<BatchItemFailuresResponse> {
  // BotEventSchema's twin (held identical by a differential test), so the handler bundles no zod.
  const decode = jsonData(BotEventChecker);
  return async (event) => {
    const first = parseKinesisEvent(event)[0];
    if (!first) return { batchItemFailures: [] };
    const detector = new BotDetector(options.detector);
    const state = await options.states.load(first.shardId);
    if (state !== undefined) detector.restore(state);
    const detections: BotDetection[] = [];
    const rejections: Rejection[] = [];
    const { response, report } = await processKinesisBatch(event, {
      decode,
      process: (value) => count(detector, value, detections),
      onReject: (rejection) => void rejections.push(rejection),
    });
    if (rejections.length > 0)
      await options.quarantine(`${first.shardId}-${first.sequenceNumber}`, rejections);
    const published = await options.publisher.publish(detections);
    await options.states.save(first.shardId, detector.snapshot());
    await options.onInvocation?.(report, published);
    return response;
  };
}

/** Pushes one event; an event the watermark has passed is dropped as `late`, one without key as `no-key`. */
function count(detector: BotDetector, event: BotEvent, detections: BotDetection[]) {
  const before = detector.tally();
  detections.push(...detector.push([event]));
  const after = detector.tally();
  if (after.late > before.late) return dropped('late');
  if (after.noKey > before.noKey) return dropped('no-key');
  return undefined;
}
