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
