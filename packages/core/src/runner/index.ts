export type { ManualClock, RunnerClock } from './clock.js';
export { manualClock, systemClock } from './clock.js';
export { kinesisDeadLetterRejection } from './dead-letter.js';
export type { RedeliveryPolicy } from './delivery-loop.js';
export {
  DeliveryFailedError,
  DeliveryStreamClosedError,
  DeliveryStreamOptionsError,
  PutRecordsStalledError,
  StreamRunnerOptionError,
} from './errors.js';
export type { BufferingHints, FlushTimers } from './firehose-buffer.js';
export type { LocalDeliveryStreamOptions } from './firehose-delivery-stream.js';
export { LocalDeliveryStream } from './firehose-delivery-stream.js';
export type { ErrorOutputRecord } from './firehose-error-output.js';
export type { FirehoseRunReport } from './firehose-runner.js';
export { runFirehoseStream } from './firehose-runner.js';
export type { IngestEndpoint, IngestEndpointOptions, PutRecordBatchTarget } from './http-ingest-endpoint.js';
export { startIngestEndpoint } from './http-ingest-endpoint.js';
export type { KinesisEventHandler, KinesisInput, KinesisRunnerOptions } from './kinesis-runner.js';
export { runKinesisStream, shardOf } from './kinesis-runner.js';
export type { CommonRunnerOptions } from './options.js';
export type { PostBodiesOptions, PostedBodies } from './post-bodies.js';
export { jsonLinesBatches, postBodies } from './post-bodies.js';
export type { PutRecords } from './put-records.js';
export { acceptEveryRecord, putOnStream } from './put-records.js';
export type { DeadLetter, StreamRunReport } from './report.js';
export type {
  S3DeadLetter,
  S3EventHandler,
  S3EventRunReport,
  S3EventSourceOptions,
} from './s3-event-source.js';
export { runS3Events, s3PutEvent } from './s3-event-source.js';
export type { SqsEventHandler, SqsInput, SqsRunnerOptions } from './sqs-runner.js';
export { runSqsQueue } from './sqs-runner.js';
export type { RecordPayload, RecordSource } from './stream-source.js';
