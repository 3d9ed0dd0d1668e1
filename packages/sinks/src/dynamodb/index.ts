export type { KeySchema } from './batch-plan.js';
export { DynamoDbSink, type DynamoDbSinkOptions } from './dynamodb-sink.js';
export {
  AttributePathError,
  ItemTooLargeError,
  KeyTooLargeError,
  MissingKeyAttributeError,
  UnprocessedItemsError,
} from './errors.js';
export { contentFingerprint } from './fingerprint.js';
export { dynamoItemSize, keyValueSize, MAX_ITEM_BYTES, MAX_KEY_BYTES } from './item-size.js';
export type * from './key-value-sink.js';
