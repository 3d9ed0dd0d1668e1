import type { Rejection, SourcePosition, SourceRecord } from '../outcome/outcome.js';
import { RunTally } from '../outcome/report.js';
import type { RecordDecoder } from './decoders.js';
import { rejectionAt } from './payload.js';
import type { BatchReport, RecordFailure, RecordVerdict, RejectionSink } from './verdict.js';

/** The user's part of a handler: how to read a record, what to do with it, where rejects go. */
export interface RecordPipeline<R, T> {
  decode?: RecordDecoder<R, T>;
  // biome-ignore lint/suspicious/noConfusingVoidType: lets `process` be a plain async function returning nothing
  process: (value: T, record: R) => RecordVerdict | void | Promise<RecordVerdict | void>;
  onReject: RejectionSink<R>;
}

/** Where one record came from, for rejections and failure reports. */
export interface RecordOrigin {
  id: string;
  position: SourcePosition;
  raw?: string;
}

/** How one record ended within an invocation; `failed` records must be redelivered. */
export type Settlement = { kind: 'kept'; value: unknown } | { kind: 'dropped' | 'rejected' | 'failed' };

const FAILED: Settlement = { kind: 'failed' };
const DROPPED: Settlement = { kind: 'dropped' };
const REJECTED: Settlement = { kind: 'rejected' };

/** Runs records through a pipeline and keeps the invocation's account. */
export class BatchAccount {
  readonly #tally: RunTally;
  readonly #failures: RecordFailure[] = [];
  #deferred = 0;

  constructor(now?: () => number) {
    this.#tally = new RunTally(now ? { now } : {});
  }

  /** Decodes, processes and settles one record. */
  async run<R, T>(pipeline: RecordPipeline<R, T>, record: R, origin: RecordOrigin): Promise<Settlement> {
    try {
      const decoded = pipeline.decode ? await pipeline.decode(record) : identity<T>(record, origin);
      if (!decoded.ok) return await this.#reject(pipeline, record, decoded.rejection);
      return await this.#settle(
        pipeline,
        record,
        origin,
        (await pipeline.process(decoded.value, record)) ?? undefined,
      );
    } catch (error) {
      return this.fail(origin.id, 'error', error);
    }
  }

  /** Records a failure, so callers can `return account.fail(…)`. */
  fail(id: string, reason: string, cause?: unknown): Settlement {
    this.#failures.push(cause === undefined ? { id, reason } : { id, reason, cause });
    return FAILED;
  }

  /** Counts a record that never reached `process` (e.g. outside the S3 key filter). */
  drop(reason: string): void {
    this.#tally.drop(reason);
  }

  defer(count: number): void {
    this.#deferred += count;
  }

  report(): BatchReport {
    return {
      ...this.#tally.report(),
      failed: this.#failures.length,
      deferred: this.#deferred,
      failures: this.#failures,
    };
  }

  async #settle<R, T>(
    pipeline: RecordPipeline<R, T>,
    record: R,
    origin: RecordOrigin,
    verdict: RecordVerdict,
  ): Promise<Settlement> {
    if (verdict === undefined || verdict.kind === 'kept') {
      this.#tally.keep();
      return { kind: 'kept', value: verdict?.value };
    }
    if (verdict.kind === 'dropped') {
      this.#tally.drop(verdict.reason);
      return DROPPED;
    }
    if (verdict.kind === 'retry') return this.fail(origin.id, verdict.reason, verdict.cause);
    return this.#reject(
      pipeline,
      record,
      rejectionAt(verdict.reason, verdict.message, origin.position, origin.raw),
    );
  }

  async #reject<R, T>(pipeline: RecordPipeline<R, T>, record: R, rejection: Rejection): Promise<Settlement> {
    // Counted only once the sink took it: a reject that could not be quarantined is retried, not lost.
    await pipeline.onReject(rejection, record);
    this.#tally.reject(rejection.reason);
    return REJECTED;
  }
}

function identity<T>(record: unknown, origin: RecordOrigin): SourceRecord<T> {
  return { ok: true, value: record as T, position: origin.position };
}
