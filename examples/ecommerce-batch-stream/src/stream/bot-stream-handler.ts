import {
  type BatchItemFailuresResponse,
  type BatchReport,
  jsonData,
  type KinesisEvent,
  type KinesisRecord,
  parseKinesisEvent,
  processKinesisBatch,
  type RecordVerdict,
} from '@sluice/core/lambda';
import { dropped, type Rejection, rejected, type SourceRecord } from '@sluice/core/outcome';
import {
  type BotDetection,
  BotDetector,
  type BotDetectorOptions,
  type BotEvent,
  BotEventSchema,
  type StreamPoint,
  windowSettings,
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

/** A record at or below its shard's checkpoint: decoded to nothing, dropped as `duplicate`. */
const APPLIED: SourceRecord<BotEvent | undefined> = { ok: true, value: undefined };

/**
 * The Kinesis handler of the real-time path: restores the shard's detector, counts the batch's
 * events (late ones dropped as `late`, unreadable ones and those dated too far ahead rejected as
 * `future-event`), publishes the windows that closed, then saves the state. Idempotent per record:
 * the state holds the highest sequence number applied, so a record delivered again (a retried or
 * overlapping batch) is dropped as `duplicate` and counted once. Any failure throws before the state
 * is saved, so the batch is redelivered onto the previous state and yields the same detections
 * again (published idempotently).
 *
 * @example
 * export const handler = botStreamHandler({ states, publisher, quarantine, detector: { windowMs: 10_000 } });
 */
export function botStreamHandler(
  options: BotStreamHandlerOptions,
): (event: KinesisEvent) => Promise<BatchItemFailuresResponse> {
  // BotEventSchema carries no zod, so neither does the handler's bundle.
  const decode = jsonData(BotEventSchema);
  windowSettings(options.detector); // refuses bad options when the handler is made, not per invocation
  return async (event) => {
    // The first record names the shard and the batch; processKinesisBatch reads them all.
    const head = Array.isArray(event?.Records) ? { Records: event.Records.slice(0, 1) } : event;
    const first = parseKinesisEvent(head)[0];
    if (!first) return { batchItemFailures: [] };
    const detector = new BotDetector(options.detector);
    const state = await options.states.load(first.shardId);
    if (state !== undefined) detector.restore(state);
    const detections: BotDetection[] = [];
    const rejections: Rejection[] = [];
    const { response, report } = await processKinesisBatch(event, {
      decode: (record) => (detector.isApplied(pointOf(record)) ? APPLIED : decode(record)),
      process: (value, record) => apply(detector, value, record, detections),
      onReject: (rejection, record) => {
        rejections.push(rejection);
        detector.checkpoint(pointOf(record));
      },
    });
    if (rejections.length > 0)
      await options.quarantine(`${first.shardId}-${first.sequenceNumber}`, rejections);
    const published = await options.publisher.publish(detections);
    await options.states.save(first.shardId, detector.snapshot());
    await options.onInvocation?.(report, published);
    return response;
  };
}

const pointOf = (record: KinesisRecord): StreamPoint => ({
  shard: record.shardId,
  sequenceNumber: record.sequenceNumber,
});

/**
 * Counts one event and checkpoints its record. A rejected one is checkpointed once quarantined
 * (in `onReject`), so a record whose rejection was not taken is retried rather than skipped.
 */
function apply(
  detector: BotDetector,
  event: BotEvent | undefined,
  record: KinesisRecord,
  detections: BotDetection[],
): RecordVerdict {
  if (event === undefined) return dropped('duplicate');
  const outcome = detector.add(event, detections);
  if (outcome === 'future-event') return rejected('future-event', detector.describeFuture(event));
  detector.checkpoint(pointOf(record));
  return outcome === 'counted' ? undefined : dropped(outcome);
}
