import type { FirehoseEventRecord } from '../lambda/firehose-event.js';

/** Why Firehose could not deliver a record, and the error prefix's `!{firehose:error-output-type}` for it. */
export type DeliveryFailure =
  | { kind: 'processing-failed' }
  | { kind: 'partitioning-failed' }
  | { kind: 'no-answer' }
  | { kind: 'function-error'; message: string }
  | { kind: 'record-mismatch'; message: string };

/** One record Firehose could not deliver, in Firehose's error-output format (plus our recordId). */
export interface ErrorOutputRecord {
  attemptsMade: number;
  arrivalTimestamp: number;
  errorCode: string;
  errorMessage: string;
  attemptEndingTimestamp: number;
  /** The original record data, base64. */
  rawData: string;
  lambdaArn: string;
  /** Not in Firehose's format: ties the record to the transform's rejection (its position). */
  recordId: string;
}

/** The error-output-type folder Firehose uses for each failure. */
export function errorOutputType(failure: DeliveryFailure): string {
  return failure.kind === 'partitioning-failed' ? 'partitioning-failed' : 'processing-failed';
}

/**
 * The error-output line Firehose writes for an undeliverable record, keeping its original data.
 *
 * @example errorOutputRecord(record, { kind: 'processing-failed' }, 'local:transform', Date.now())
 */
export function errorOutputRecord(
  record: FirehoseEventRecord,
  failure: DeliveryFailure,
  lambdaArn: string,
  endedAt: number,
): ErrorOutputRecord {
  return {
    attemptsMade: 1,
    arrivalTimestamp: record.approximateArrivalTimestamp,
    ...errorOf(failure),
    attemptEndingTimestamp: endedAt,
    rawData: record.data,
    lambdaArn,
    recordId: record.recordId,
  };
}

function errorOf(failure: DeliveryFailure): { errorCode: string; errorMessage: string } {
  if (failure.kind === 'function-error') {
    return { errorCode: 'Lambda.FunctionError', errorMessage: failure.message };
  }
  if (failure.kind === 'record-mismatch') {
    return { errorCode: 'Lambda.RecordIdMismatch', errorMessage: failure.message };
  }
  if (failure.kind === 'no-answer') {
    return {
      errorCode: 'Lambda.MissingRecordId',
      errorMessage: 'the Lambda function returned no answer for the record',
    };
  }
  if (failure.kind === 'partitioning-failed') {
    return {
      errorCode: 'DynamicPartitioning.MetadataExtractionFailed',
      errorMessage: 'a partition key the S3 prefix needs is missing from the record metadata',
    };
  }
  return {
    errorCode: 'Lambda.ProcessingFailed',
    errorMessage: 'the Lambda function marked the record ProcessingFailed',
  };
}
