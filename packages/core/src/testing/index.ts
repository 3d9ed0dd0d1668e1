export {
  type EventPayload,
  type EventSourceOptions,
  encodeS3Key,
  type FirehoseEventOptions,
  type FirehoseRecordInput,
  firehoseEvent,
  type KinesisEventOptions,
  type KinesisRecordInput,
  kinesisEvent,
  type S3EventOptions,
  type S3ObjectInput,
  type SqsEventOptions,
  type SqsMessageInput,
  s3PutEvent,
  s3RemoveEvent,
  sqsEvent,
} from './aws-events.js';
export * from './object-store-contract.js';
