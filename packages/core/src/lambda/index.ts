export { type BatchItemFailuresResponse, kinesisBatchResponse, sqsBatchResponse } from './batch-response.js';
export { jsonBody, jsonData, type RecordDecoder, textData } from './decoders.js';
export {
  EMF_LIMITS,
  type EmfDocument,
  type EmfInput,
  type EmfMetricValue,
  type EmfProperty,
  type EmfUnit,
  emfDocument,
  emfLines,
  emfMetric,
} from './emf.js';
export {
  type EnvironmentVariables,
  type HandlerEnvironment,
  handlerEnvironment,
  type WholeNumberRange,
} from './environment.js';
export {
  classifyError,
  type ErrorClassifier,
  type ErrorKind,
  PERMANENT_ERROR_REASONS,
  permanent,
} from './error-kind.js';
export {
  ConfigurationError,
  EmfValidationError,
  FirehoseRecordMismatchError,
  FirehoseResponseTooLargeError,
  FirehoseRetryError,
  type InvocationFailures,
  LambdaEventShapeError,
  PermanentError,
  S3KeyDecodeError,
  S3ObjectRetryError,
} from './errors.js';
export {
  type FirehoseEventRecord,
  type FirehoseRecord,
  type FirehoseRequest,
  type FirehoseTransformationEvent,
  parseFirehoseEvent,
} from './firehose-event.js';
export {
  type FirehoseBatchResult,
  type FirehoseOutput,
  type FirehoseTransformHandler,
  type FirehoseTransformOptions,
  type FirehoseVerdict,
  firehoseTransformHandler,
  processFirehoseBatch,
} from './firehose-handler.js';
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
export {
  type KinesisEvent,
  type KinesisEventRecord,
  type KinesisRecord,
  parseKinesisEvent,
  streamName,
} from './kinesis-event.js';
export {
  type KinesisBatchHandler,
  type KinesisBatchResult,
  kinesisBatchHandler,
  processKinesisBatch,
} from './kinesis-handler.js';
export { DEFAULT_STOP_MARGIN_MS, fakeLambdaContext, type LambdaContext } from './lambda-context.js';
export {
  type HandlerLogger,
  type JsonLoggerOptions,
  jsonLogger,
  type LogAttributes,
  type LogLevel,
} from './logger.js';
export {
  type Base64Record,
  decodeBase64Bytes,
  decodeBase64Json,
  decodeBase64Text,
  type JsonReadOptions,
  parseSqsJson,
} from './payload.js';
export { type BatchReportEmfOptions, batchReportEmf, runReportMetrics } from './report-metrics.js';
export {
  decodeS3Key,
  matchesS3Key,
  parseS3Event,
  parseS3Record,
  type S3Event,
  type S3EventRecord,
  type S3KeyFilter,
  type S3ObjectRef,
} from './s3-event.js';
export {
  processS3Event,
  type S3ObjectHandler,
  type S3ObjectHandlerOptions,
  s3ObjectHandler,
} from './s3-handler.js';
export { type JsonValue, type SerializedError, serializeError } from './serialize-error.js';
export {
  parseSqsEvent,
  type SqsEvent,
  type SqsEventRecord,
  type SqsMessage,
  type SqsRecordAttributes,
} from './sqs-event.js';
export {
  processSqsBatch,
  type SqsBatchHandler,
  type SqsBatchResult,
  sqsBatchHandler,
} from './sqs-handler.js';
export {
  type BatchReport,
  type RecordFailure,
  type RecordVerdict,
  type RejectionSink,
  type RetryRequest,
  retryLater,
} from './verdict.js';
