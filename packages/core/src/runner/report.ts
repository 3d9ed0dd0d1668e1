/** A record the runner gave up on, as a dead-letter queue or an on-failure destination would hold it. */
export interface DeadLetter<I> {
  /** The record as the source yielded it. */
  record: I;
  /** Its messageId (SQS) or sequence number (Kinesis). */
  id: string;
  /** How many times it was delivered to the handler. */
  attempts: number;
  /** `batch-item-failure`: the handler reported it; `handler-error`: the whole invocation threw. */
  reason: 'batch-item-failure' | 'handler-error';
  /**
   * The error of the last failed delivery: the invocation's error when the handler threw, or, for a
   * record a Sluice handler reported, its own failure (`Name: message`, after the retry reason).
   */
  error?: string;
}

/**
 * The account of a stream run. Every record read from the source is either acknowledged or dead-lettered
 * (`received = acknowledged + deadLettered`), and every delivery is a first one or a redelivery
 * (`delivered = received + redelivered`).
 */
export interface StreamRunReport<I> {
  /** Handler invocations, failed ones included. */
  invocations: number;
  /** Invocations whose handler threw (or answered with an unknown item identifier): the whole batch failed. */
  failedInvocations: number;
  /** Records read from the source. */
  received: number;
  /** Record deliveries to the handler, redeliveries included. */
  delivered: number;
  /** Deliveries after a record's first. */
  redelivered: number;
  /** Records whose last delivery was not reported as failed. */
  acknowledged: number;
  deadLettered: number;
  deadLetters: DeadLetter<I>[];
}

/** An empty report to count into. */
export function emptyRunReport<I>(): StreamRunReport<I> {
  return {
    invocations: 0,
    failedInvocations: 0,
    received: 0,
    delivered: 0,
    redelivered: 0,
    acknowledged: 0,
    deadLettered: 0,
    deadLetters: [],
  };
}
