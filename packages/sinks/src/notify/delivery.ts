import { backoffDelay, RetryExhaustedError, type RetryOptions, retry, sleep } from '@sluice/core/retry';

/** A record that was not delivered, with where it was in the input and why. */
export interface Undelivered<T> {
  /** Position of the record in the array given to `put`/`publish`. */
  index: number;
  record: T;
  /** Countable reason: `too-large`, `invalid-partition-key`, or the service's error code. */
  reason: string;
  message: string;
}

/**
 * The account of one delivery: `sent + rejected.length + failed.length` equals the records given.
 * `rejected` never left the process (bad input); `failed` were refused by the service after retries.
 */
export interface DeliveryReport<T> {
  sent: number;
  /** How many times an entry was sent again after the service refused it. */
  retried: number;
  rejected: Undelivered<T>[];
  failed: Undelivered<T>[];
}

/** What the service said about one entry of a batch call. */
export type EntryResult = { ok: true } | { ok: false; code: string; message: string; retryable: boolean };

/** What Kinesis PutRecords and Firehose PutRecordBatch answer for each record, in request order. */
export interface PerRecordAnswer {
  ErrorCode?: string | undefined;
  ErrorMessage?: string | undefined;
}

/**
 * One result per entry from a response that answers every record in order; an entry without an
 * answer failed as `MissingResult`. Only the codes in `retryable` are worth sending again.
 *
 * @example resultsInOrder(batch.length, out.Records, RETRYABLE_ENTRY_ERRORS)
 */
export function resultsInOrder(
  count: number,
  answers: readonly PerRecordAnswer[] | undefined,
  retryable: ReadonlySet<string>,
): EntryResult[] {
  return Array.from({ length: count }, (_, i): EntryResult => {
    const answer = answers?.[i];
    if (answer && !answer.ErrorCode) return { ok: true };
    const code = answer?.ErrorCode ?? 'MissingResult';
    return { ok: false, code, message: answer?.ErrorMessage ?? code, retryable: retryable.has(code) };
  });
}

/** One record made ready to send, or the reason it cannot be sent at all. */
export type EntryOrRejection<T, E> = { ok: true; entry: E } | { ok: false; rejection: Undelivered<T> };

/** An entry waiting to be sent; `index` points back into the caller's input. */
export interface PendingEntry<E> {
  index: number;
  entry: E;
  attempts: number;
}

/** How a backend batches and sends entries. */
export interface BatchCalls<E> {
  /** Picks the entries of the next call from the pending ones (in order; at least one). */
  pack(pending: readonly PendingEntry<E>[]): PendingEntry<E>[];
  /** Sends one call; returns one result per entry, in order. Throws for whole-call errors. */
  send(entries: E[], signal?: AbortSignal): Promise<EntryResult[]>;
  retry?: Omit<RetryOptions, 'signal'>;
  signal?: AbortSignal;
}

/** What {@link deliverInCalls} did: counts and the entries refused for good. */
export interface DeliveryOutcome {
  sent: number;
  retried: number;
  refused: RefusedEntry[];
}

/** An entry the service refused for good, by input index. */
export interface RefusedEntry {
  index: number;
  code: string;
  message: string;
}

/**
 * Sends entries call by call until each is accepted or refused for good. Only the refused entries
 * of a response are sent again, after a full-jitter backoff, and they stay ahead of the entries not
 * yet sent. Whole-call errors are retried with `retry`; if they persist the call's entries fail.
 *
 * @example
 * const outcome = await deliverInCalls(entries.map((entry, index) => ({ index, entry })), calls);
 */
export async function deliverInCalls<E>(
  entries: readonly { index: number; entry: E }[],
  calls: BatchCalls<E>,
): Promise<DeliveryOutcome> {
  const maxAttempts = calls.retry?.maxAttempts ?? 8;
  const outcome: DeliveryOutcome = { sent: 0, retried: 0, refused: [] };
  let pending: PendingEntry<E>[] = entries.map((e) => ({ ...e, attempts: 0 }));
  let failingCalls = 0;
  while (pending.length > 0) {
    const call = calls.pack(pending);
    const results = await sendCall(call, calls);
    const settled = settleCall(call, results, maxAttempts, outcome);
    pending = pending.filter((p) => !settled.has(p));
    const anyRetry = settled.size < call.length;
    failingCalls = anyRetry ? failingCalls + 1 : 0;
    if (anyRetry) await (calls.retry?.sleep ?? sleep)(backoffDelay(failingCalls, calls.retry), calls.signal);
  }
  return outcome;
}

/** Counts a call's results into `outcome`; returns the entries that are done (sent or refused). */
function settleCall<E>(
  call: readonly PendingEntry<E>[],
  results: readonly EntryResult[],
  maxAttempts: number,
  outcome: DeliveryOutcome,
): Set<PendingEntry<E>> {
  const settled = new Set<PendingEntry<E>>();
  for (const [i, pendingEntry] of call.entries()) {
    const result = results[i] ?? MISSING_RESULT;
    if (pendingEntry.attempts > 1) outcome.retried++;
    if (!result.ok && result.retryable && pendingEntry.attempts < maxAttempts) continue;
    if (result.ok) outcome.sent++;
    else outcome.refused.push({ index: pendingEntry.index, code: result.code, message: result.message });
    settled.add(pendingEntry);
  }
  return settled;
}

const MISSING_RESULT: EntryResult = {
  ok: false,
  code: 'MissingResult',
  message: 'the response had no result for this entry',
  retryable: true,
};

async function sendCall<E>(call: PendingEntry<E>[], calls: BatchCalls<E>): Promise<EntryResult[]> {
  for (const pendingEntry of call) pendingEntry.attempts++;
  try {
    return await retry(
      () =>
        calls.send(
          call.map((p) => p.entry),
          calls.signal,
        ),
      { ...calls.retry, signal: calls.signal },
    );
  } catch (error) {
    if (calls.signal?.aborted) throw error;
    const failure = describeCallError(error);
    return call.map(() => ({ ok: false, ...failure, retryable: false }));
  }
}

function describeCallError(error: unknown): { code: string; message: string } {
  const cause = error instanceof RetryExhaustedError ? error.cause : error;
  if (cause instanceof Error) return { code: cause.name, message: cause.message };
  return { code: 'Error', message: String(cause) };
}

/**
 * Packs pending entries in order into one call under an entry count and byte budget. With
 * `oneCallPerKey`, an entry whose key is already in the call waits for a later call.
 *
 * @example packInOrder(pending, { maxEntries: 500, maxBytes: 5 * 1024 * 1024, size: (e) => e.bytes })
 */
export function packInOrder<E>(
  pending: readonly PendingEntry<E>[],
  limits: { maxEntries: number; maxBytes: number; size: (entry: E) => number; key?: (entry: E) => string },
): PendingEntry<E>[] {
  const call: PendingEntry<E>[] = [];
  const keys = new Set<string>();
  let bytes = 0;
  for (const pendingEntry of pending) {
    if (call.length >= limits.maxEntries) break;
    const size = limits.size(pendingEntry.entry);
    if (call.length > 0 && bytes + size > limits.maxBytes) break;
    const key = limits.key?.(pendingEntry.entry);
    if (key !== undefined && keys.has(key)) continue;
    if (key !== undefined) keys.add(key);
    call.push(pendingEntry);
    bytes += size;
  }
  return call;
}

/**
 * Delivers records the way every producer does: each record becomes an entry or a rejection, the
 * entries go out through {@link deliverInCalls}, and the report accounts for both.
 *
 * @example return deliverRecords(records, (record, index) => toKinesisEntry(record, key, index), calls);
 */
export async function deliverRecords<T, E>(
  records: readonly T[],
  toEntry: (record: T, index: number) => EntryOrRejection<T, E>,
  calls: BatchCalls<E>,
): Promise<DeliveryReport<T>> {
  const rejected: Undelivered<T>[] = [];
  const entries: { index: number; entry: E }[] = [];
  records.forEach((record, index) => {
    const built = toEntry(record, index);
    if (built.ok) entries.push({ index, entry: built.entry });
    else rejected.push(built.rejection);
  });
  return deliveryReport(records, rejected, await deliverInCalls(entries, calls));
}

/**
 * Builds the report of a delivery from the input records, the ones rejected before sending and
 * what {@link deliverInCalls} did.
 *
 * @example deliveryReport(records, rejected, await deliverInCalls(entries, calls))
 */
export function deliveryReport<T>(
  records: readonly T[],
  rejected: Undelivered<T>[],
  outcome: DeliveryOutcome,
): DeliveryReport<T> {
  const failed = outcome.refused.map(({ index, code, message }) => ({
    index,
    record: records[index] as T,
    reason: code,
    message,
  }));
  return { sent: outcome.sent, retried: outcome.retried, rejected, failed };
}
