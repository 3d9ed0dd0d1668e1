import type { Rejection, SourcePosition, SourceRecord } from '../outcome/outcome.js';
import { RunTally } from '../outcome/report.js';
import type { RecordDecoder } from './decoders.js';
import { classifyError, type ErrorClassifier } from './error-kind.js';
import type { HandlerLogger } from './logger.js';
import { rejectionAt } from './payload.js';
import { serializeError } from './serialize-error.js';
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

/** One record on its way through a pipeline. */
interface Attempt<R, T> {
  pipeline: RecordPipeline<R, T>;
  record: R;
  origin: RecordOrigin;
}

/** How one record ended within an invocation; `failed` records must be redelivered. */
export type Settlement = { kind: 'kept'; value: unknown } | { kind: 'dropped' | 'rejected' | 'failed' };

const FAILED: Settlement = { kind: 'failed' };
const DROPPED: Settlement = { kind: 'dropped' };
const REJECTED: Settlement = { kind: 'rejected' };

/** What a {@link BatchAccount} needs besides the records. */
export interface BatchAccountOptions {
  now?: () => number;
  classifyError?: ErrorClassifier;
  logger: HandlerLogger;
  /** The handler's name, on every log line. */
  handler: string;
}

/** Runs records through a pipeline and keeps the invocation's account. */
export class BatchAccount {
  readonly #tally: RunTally;
  readonly #failures: RecordFailure[] = [];
  readonly #outOfTime: string[] = [];
  readonly #classify: ErrorClassifier;
  #deferred = 0;

  constructor(readonly options: BatchAccountOptions) {
    this.#tally = new RunTally(options.now ? { now: options.now } : {});
    this.#classify = options.classifyError ?? classifyError;
  }

  /**
   * Decodes, processes and settles one record; a thrown error is rejected if permanent, else failed.
   * Synchronous when decode, process and the reject sink are: a record costs no promise unless a
   * step of its pipeline returns one.
   */
  run<R, T>(
    pipeline: RecordPipeline<R, T>,
    record: R,
    origin: RecordOrigin,
  ): Settlement | Promise<Settlement> {
    const at: Attempt<R, T> = { pipeline, record, origin };
    try {
      const decoded = pipeline.decode ? pipeline.decode(record) : identity<T>(record, origin);
      return isPromise(decoded) ? this.#settleAsync(at, decoded) : this.#processDecoded(at, decoded);
    } catch (error) {
      return this.#thrown(at, error);
    }
  }

  async #settleAsync<R, T>(at: Attempt<R, T>, decoding: PromiseLike<SourceRecord<T>>): Promise<Settlement> {
    try {
      return await this.#processDecoded(at, await decoding);
    } catch (error) {
      return this.#thrown(at, error);
    }
  }

  #processDecoded<R, T>(at: Attempt<R, T>, decoded: SourceRecord<T>): Settlement | Promise<Settlement> {
    if (!decoded.ok) return this.#reject(at, decoded.rejection);
    const verdict = at.pipeline.process(decoded.value, at.record);
    if (!isPromise(verdict)) return this.#verdict(at, verdict ?? undefined);
    return Promise.resolve(verdict).then(
      (settled) => this.#verdict(at, settled ?? undefined),
      (error: unknown) => this.#thrown(at, error),
    );
  }

  #verdict<R, T>(at: Attempt<R, T>, verdict: RecordVerdict): Settlement | Promise<Settlement> {
    if (verdict?.kind !== 'rejected') return this.#settle(at.origin, verdict);
    return this.#reject(at, rejectionFrom(at.origin, verdict.reason, verdict.message));
  }

  /** Records a failure (logged with its cause), so callers can `return account.fail(…)`. */
  fail(id: string, reason: string, cause?: unknown): Settlement {
    this.#failures.push(cause === undefined ? { id, reason } : { id, reason, cause });
    const fields = { handler: this.options.handler, recordId: id, reason };
    if (cause === undefined) this.options.logger.warn('record will be retried', fields);
    else
      this.options.logger.error('record failed and will be retried', {
        ...fields,
        error: serializeError(cause),
      });
    return FAILED;
  }

  /** Counts a record that never reached `process` (e.g. outside the S3 key filter). */
  drop(reason: string): void {
    this.#tally.drop(reason);
  }

  /** Counts records held back because an earlier one failed and ordering requires them to wait. */
  defer(count: number): void {
    this.#deferred += count;
  }

  /** Counts a record not started because the invocation is running out of time. */
  outOfTime(id: string): void {
    this.#outOfTime.push(id);
  }

  report(): BatchReport {
    return {
      ...this.#tally.report(),
      failed: this.#failures.length,
      deferred: this.#deferred,
      outOfTime: this.#outOfTime.length,
      failures: this.#failures,
    };
  }

  /** The ids of the records counted by {@link outOfTime}, in event order. */
  outOfTimeIds(): readonly string[] {
    return this.#outOfTime;
  }

  #thrown<R, T>(at: Attempt<R, T>, error: unknown): Settlement | Promise<Settlement> {
    const { origin } = at;
    const kind = this.#classify(error);
    if (kind.kind === 'transient') return this.fail(origin.id, errorName(error), error);
    this.options.logger.warn('record rejected: permanent error, not retried', {
      handler: this.options.handler,
      recordId: origin.id,
      reason: kind.reason,
      error: serializeError(error),
    });
    const message = error instanceof Error ? error.message : String(error);
    return this.#reject(at, rejectionFrom(origin, kind.reason, message));
  }

  /** Counts a verdict that needs no sink: kept, dropped, or handed back for a retry. */
  #settle(origin: RecordOrigin, verdict: Exclude<RecordVerdict, { kind: 'rejected' }>): Settlement {
    if (verdict === undefined || verdict.kind === 'kept') {
      this.#tally.keep();
      return { kind: 'kept', value: verdict?.value };
    }
    if (verdict.kind === 'dropped') {
      this.#tally.drop(verdict.reason);
      return DROPPED;
    }
    return this.fail(origin.id, verdict.reason, verdict.cause);
  }

  #reject<R, T>(at: Attempt<R, T>, rejection: Rejection): Settlement | Promise<Settlement> {
    // Counted only once the sink took it: a reject that could not be quarantined is retried, not lost.
    const taken = (): Settlement => {
      this.#tally.reject(rejection.reason);
      return REJECTED;
    };
    const failed = (sinkError: unknown) => this.fail(at.origin.id, 'quarantine-failed', sinkError);
    try {
      const sunk = at.pipeline.onReject(rejection, at.record);
      return isPromise(sunk) ? Promise.resolve(sunk).then(taken, failed) : taken();
    } catch (sinkError) {
      return failed(sinkError);
    }
  }
}

/** Whether a step returned a promise (to be awaited) rather than its value. */
export function isPromise<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** A rejection that points at where the record came from. */
function rejectionFrom(origin: RecordOrigin, reason: string, message: string): Rejection {
  return rejectionAt(reason, message, origin.position, origin.raw);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}

function identity<T>(record: unknown, origin: RecordOrigin): SourceRecord<T> {
  return { ok: true, value: record as T, position: origin.position };
}
