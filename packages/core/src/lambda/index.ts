export type { BatchItemFailuresResponse } from './batch-response.js';
export { kinesisBatchResponse, sqsBatchResponse } from './batch-response.js';
export type { RecordDecoder } from './decoders.js';
export { jsonBody, jsonData, textData } from './decoders.js';
export type { EmfDocument, EmfInput, EmfMetricValue, EmfProperty, EmfUnit } from './emf.js';
export { EMF_LIMITS, emfDocument, emfLines, emfMetric } from './emf.js';
export type { EnvironmentVariables, HandlerEnvironment, WholeNumberRange } from './environment.js';
export { handlerEnvironment } from './environment.js';
export type { ErrorClassifier, ErrorKind } from './error-kind.js';
export { classifyError, PERMANENT_ERROR_REASONS, permanent } from './error-kind.js';
export type { InvocationFailures } from './errors.js';
export {
  ConfigurationError,
  EmfValidationError,
  FirehoseRecordMismatchError,
  FirehoseResponseTooLargeError,
  FirehoseRetryError,
  LambdaEventShapeError,
  PermanentError,
  S3KeyDecodeError,
  S3ObjectRetryError,
} from './errors.js';
export type {
  FirehoseEventRecord,
  FirehoseRecord,
  FirehoseRequest,
  FirehoseTransformationEvent,
} from './firehose-event.js';
export { parseFirehoseEvent } from './firehose-event.js';
export type {
  FirehoseBatchResult,
  FirehoseOutput,
  FirehoseTransformHandler,
  FirehoseTransformOptions,
  FirehoseVerdict,
} from './firehose-handler.js';
export { firehoseTransformHandler, processFirehoseBatch } from './firehose-handler.js';
export type {
  FirehoseRequestIds,
  FirehoseResponseRecord,
  FirehoseTransformationResponse,
} from './firehose-response.js';
export {
  checkEveryRecordAnsweredOnce,
  firehoseDropped,
  firehoseFailed,
  firehoseOk,
  firehoseResponse,
  LAMBDA_SYNC_RESPONSE_LIMIT_BYTES,
} from './firehose-response.js';
export type {
  DecodedRecordOptions,
  HandlerMetricsOptions,
  InvocationOptions,
  RawRecordOptions,
  RecordHandlerOptions,
} from './handler-options.js';
export type { KinesisEvent, KinesisEventRecord, KinesisRecord } from './kinesis-event.js';
export { parseKinesisEvent, streamName } from './kinesis-event.js';
export type { KinesisBatchHandler, KinesisBatchResult } from './kinesis-handler.js';
export { kinesisBatchHandler, processKinesisBatch } from './kinesis-handler.js';
export type { LambdaContext } from './lambda-context.js';
export { DEFAULT_STOP_MARGIN_MS, fakeLambdaContext } from './lambda-context.js';
export type { HandlerLogger, JsonLoggerOptions, LogAttributes, LogLevel } from './logger.js';
export { jsonLogger } from './logger.js';
export type { Base64Record, JsonReadOptions } from './payload.js';
export { decodeBase64Bytes, decodeBase64Json, decodeBase64Text, parseSqsJson } from './payload.js';
export type { BatchReportEmfOptions } from './report-metrics.js';
export { batchReportEmf, runReportMetrics } from './report-metrics.js';
export type { S3Event, S3EventRecord, S3KeyFilter, S3ObjectRef } from './s3-event.js';
export { decodeS3Key, matchesS3Key, parseS3Event, parseS3Record } from './s3-event.js';
export type { S3ObjectHandler, S3ObjectHandlerOptions } from './s3-handler.js';
export { processS3Event, s3ObjectHandler } from './s3-handler.js';
export type { JsonValue, SerializedError } from './serialize-error.js';
export { serializeError } from './serialize-error.js';
export type { SqsEvent, SqsEventRecord, SqsMessage, SqsRecordAttributes } from './sqs-event.js';
export { parseSqsEvent } from './sqs-event.js';
export type { SqsBatchHandler, SqsBatchResult } from './sqs-handler.js';
export { processSqsBatch, sqsBatchHandler } from './sqs-handler.js';
export type { BatchReport, RecordFailure, RecordVerdict, RejectionSink, RetryRequest } from './verdict.js';
export { retryLater } from './verdict.js';
