import { FirehoseRecordMismatchError, FirehoseResponseTooLargeError } from './errors.js';

/** Lambda's limit on a synchronous response payload, which a Firehose transformation response is. */
export const LAMBDA_SYNC_RESPONSE_LIMIT_BYTES = 6_291_456;

/** What the response checks need of a request: its id and its records' ids. */
export interface FirehoseRequestIds {
  invocationId: string;
  records: readonly { recordId: string }[];
}

/** One answered record of a Firehose transformation response. */
export interface FirehoseResponseRecord {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  /** base64 bytes: the transformed record for `Ok`, the original otherwise. */
  data: string;
  /** Dynamic partitioning keys, used by the delivery stream's S3 prefix (`!{partitionKeyFromLambda:datehour}`). */
  metadata?: { partitionKeys: Record<string, string> };
}

/** The response a Firehose transformation Lambda returns. */
export interface FirehoseTransformationResponse {
  records: FirehoseResponseRecord[];
}

/**
 * An `Ok` answer carrying the transformed bytes (text is UTF-8 encoded).
 *
 * @example firehoseOk(record.recordId, `${JSON.stringify(click)}\n`, { datehour: '2022/09/11/23' })
 */
export function firehoseOk(
  recordId: string,
  data: string | Uint8Array,
  partitionKeys?: Record<string, string>,
): FirehoseResponseRecord {
  const answer: FirehoseResponseRecord = {
    recordId,
    result: 'Ok',
    data: Buffer.from(data).toString('base64'),
  };
  if (partitionKeys) answer.metadata = { partitionKeys };
  return answer;
}

/**
 * A `Dropped` answer: the record is intentionally not delivered.
 *
 * @example firehoseDropped(record.recordId, record.data)
 */
export function firehoseDropped(recordId: string, originalData: string): FirehoseResponseRecord {
  return { recordId, result: 'Dropped', data: originalData };
}

/**
 * A `ProcessingFailed` answer: Firehose writes the original record under the stream's error prefix.
 *
 * @example firehoseFailed(record.recordId, record.data)
 */
export function firehoseFailed(recordId: string, originalData: string): FirehoseResponseRecord {
  return { recordId, result: 'ProcessingFailed', data: originalData };
}

/**
 * Builds the response for a request, refusing one Firehose would reject: a recordId missing,
 * answered twice or not in the request (`FirehoseRecordMismatchError`), or a body above 6 MB
 * (`FirehoseResponseTooLargeError`).
 *
 * @example return firehoseResponse(request, request.records.map((r) => firehoseOk(r.recordId, transform(r))));
 */
export function firehoseResponse(
  request: FirehoseRequestIds,
  answers: FirehoseResponseRecord[],
): FirehoseTransformationResponse {
  checkEveryRecordAnsweredOnce(request, answers);
  const response = { records: answers };
  const bytes = Buffer.byteLength(JSON.stringify(response));
  if (bytes > LAMBDA_SYNC_RESPONSE_LIMIT_BYTES) {
    throw new FirehoseResponseTooLargeError(request.invocationId, bytes, LAMBDA_SYNC_RESPONSE_LIMIT_BYTES);
  }
  return response;
}

/**
 * Throws `FirehoseRecordMismatchError` unless every recordId of the request is answered exactly once.
 *
 * @example checkEveryRecordAnsweredOnce(request, answers);
 */
export function checkEveryRecordAnsweredOnce(
  request: FirehoseRequestIds,
  answers: readonly Pick<FirehoseResponseRecord, 'recordId'>[],
): void {
  if (answeredInOrder(request.records, answers)) return;
  // How often each requested id was answered: one map, one pass over the answers.
  const answered = new Map<string, number>();
  for (const { recordId } of request.records) answered.set(recordId, 0);
  const duplicated = new Set<string>();
  const unknown: string[] = [];
  for (const { recordId } of answers) {
    const times = answered.get(recordId);
    if (times === undefined) unknown.push(recordId);
    else {
      if (times > 0) duplicated.add(recordId);
      answered.set(recordId, times + 1);
    }
  }
  if (answers.length === answered.size && duplicated.size === 0 && unknown.length === 0) return;
  const missing = [...answered].filter(([, times]) => times === 0).map(([id]) => id);
  if (missing.length || duplicated.size || unknown.length) {
    throw new FirehoseRecordMismatchError(request.invocationId, missing, [...duplicated], unknown);
  }
}

/**
 * Whether each record is answered in its place and the request's ids increase (so no id repeats):
 * then every id is answered exactly once, with no map. Firehose's own ids increase; others take the map.
 */
function answeredInOrder(
  records: readonly { recordId: string }[],
  answers: readonly Pick<FirehoseResponseRecord, 'recordId'>[],
): boolean {
  if (answers.length !== records.length) return false;
  for (let i = 0; i < records.length; i++) {
    const id = (records[i] as { recordId: string }).recordId;
    if (answers[i]?.recordId !== id) return false;
    if (i > 0 && !((records[i - 1] as { recordId: string }).recordId < id)) return false;
  }
  return true;
}
