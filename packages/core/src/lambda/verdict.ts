import type { Outcome, Rejection } from '../outcome/outcome.js';
import type { RunReport } from '../outcome/report.js';

/** What `process` asks for when a record failed for a reason that may pass: send it again later. */
export interface RetryRequest {
  kind: 'retry';
  reason: string;
  cause?: unknown;
}

/**
 * Asks for the record to be delivered again (it goes into `batchItemFailures`). Throwing a
 * transient error does the same; a permanent one (see `classifyError`) rejects the record instead.
 *
 * @example if (error.name === 'ThrottlingException') return retryLater('throttled', error);
 */
export const retryLater = (reason: string, cause?: unknown): RetryRequest => ({
  kind: 'retry',
  reason,
  cause,
});

/**
 * How `process` decided about one record:
 * - nothing, or `kept(value)`: processed, acknowledged;
 * - `dropped(reason)`: a business rule removed it, acknowledged and counted;
 * - `rejected(reason, message)`, or throwing a permanent error (see `classifyError`): it can never
 *   succeed: handed to `onReject` with its position and reason, acknowledged, never retried;
 * - `retryLater(reason)` or throwing any other error: a transient failure, reported so the source
 *   redelivers it.
 */
export type RecordVerdict<T = unknown> = Outcome<T> | RetryRequest | undefined;

/** A record that was handed back for redelivery, and why. */
export interface RecordFailure {
  /** The messageId (SQS), sequence number (Kinesis), key (S3) or recordId (Firehose). */
  id: string;
  reason: string;
  cause?: unknown;
}

/** Receives a rejected record with its position and reason; if it throws, the record is retried instead. */
export type RejectionSink<R> = (rejection: Rejection, record: R) => void | Promise<void>;

/**
 * The account of one invocation. `read = kept + dropped + rejected` counts the records that reached a
 * final outcome (a {@link RunReport}); `failed`, `deferred` and `outOfTime` records were handed back
 * for redelivery, so every record of the event is in exactly one of the six.
 */
export interface BatchReport extends RunReport {
  /** Records that failed transiently (threw or asked for a retry). */
  failed: number;
  /** Records not attempted because an earlier record failed and ordering requires them to wait. */
  deferred: number;
  /** Records not started because less than the handler's `stopMarginMs` was left. */
  outOfTime: number;
  failures: RecordFailure[];
}
