export type { EventPayload, EventSourceOptions } from './aws-events.js';
export { type FirehoseEventOptions, type FirehoseRecordInput, firehoseEvent } from './firehose-events.js';
export { type KinesisEventOptions, type KinesisRecordInput, kinesisEvent } from './kinesis-events.js';
export * from './object-store-contract.js';
export {
  encodeS3Key,
  type S3EventOptions,
  type S3ObjectInput,
  s3PutEvent,
  s3RemoveEvent,
} from './s3-events.js';
export { type SqsEventOptions, type SqsMessageInput, sqsEvent } from './sqs-events.js';
