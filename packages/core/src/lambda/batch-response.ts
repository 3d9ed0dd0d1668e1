/**
 * The partial batch response of SQS and Kinesis event source mappings (`ReportBatchItemFailures`
 * must be enabled on the mapping, or Lambda ignores it and treats the batch as a success).
 */
export interface BatchItemFailuresResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * The response that makes SQS redeliver only the failed messages.
 *
 * @example return sqsBatchResponse(['059f36b4-87a3-44ab-83d2-661975830a7d']);
 */
export function sqsBatchResponse(failedMessageIds: Iterable<string>): BatchItemFailuresResponse {
  return { batchItemFailures: [...failedMessageIds].map((itemIdentifier) => ({ itemIdentifier })) };
}

/**
 * The response that makes Kinesis resume the shard at a failed record. Lambda checkpoints at the
 * lowest reported sequence number, so every record after it in the shard is delivered again too.
 *
 * @example return kinesisBatchResponse([record.sequenceNumber]);
 */
export function kinesisBatchResponse(failedSequenceNumbers: Iterable<string>): BatchItemFailuresResponse {
  return { batchItemFailures: [...failedSequenceNumbers].map((itemIdentifier) => ({ itemIdentifier })) };
}

/**
 * Where a Sluice handler leaves the error text of each record it reported as failed, beside its
 * response: a non-enumerable symbol, so the JSON Lambda reads is unchanged, while a local runner
 * can give a dead letter the error that sent it there.
 */
export const FAILURE_TEXT: unique symbol = Symbol.for('sluice.batchItemFailureText');

/** A record's failure as the handler recorded it: its id, reason and cause. */
export interface FailureDetail {
  id: string;
  reason: string;
  cause?: unknown;
}

/**
 * Attaches each failure's text (`Name: message`, after the reason when it says more) to a response.
 *
 * @example return withFailureText(sqsBatchResponse(failedIds), report.failures);
 */
export function withFailureText<R extends BatchItemFailuresResponse>(
  response: R,
  failures: readonly FailureDetail[],
): R {
  const texts = new Map(failures.map((failure) => [failure.id, failureText(failure)]));
  return Object.defineProperty(response, FAILURE_TEXT, { value: texts, enumerable: false });
}

/**
 * The failure texts a Sluice handler attached to its response, by item identifier (none for others).
 *
 * @example failureTextOf(await handler(event))?.get(messageId) // 'ThrottlingException: Rate exceeded'
 */
export function failureTextOf(response: unknown): ReadonlyMap<string, string> | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const texts = (response as { [FAILURE_TEXT]?: unknown })[FAILURE_TEXT];
  return texts instanceof Map ? (texts as ReadonlyMap<string, string>) : undefined;
}

function failureText({ reason, cause }: FailureDetail): string {
  if (cause instanceof Error) {
    const error = `${cause.name}: ${cause.message}`;
    return reason === cause.name ? error : `${reason}: ${error}`;
  }
  if (cause === undefined || cause === '') return reason;
  return `${reason}: ${typeof cause === 'string' ? cause : (JSON.stringify(cause) ?? String(cause))}`;
}
