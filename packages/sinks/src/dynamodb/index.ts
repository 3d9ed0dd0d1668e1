export type { KeySchema } from './batch-plan.js';
export { DynamoDbSink, type DynamoDbSinkOptions } from './dynamodb-sink.js';
export { ItemTooLargeError, MissingKeyAttributeError, UnprocessedItemsError } from './errors.js';
export { contentFingerprint } from './fingerprint.js';
export { dynamoItemSize, MAX_ITEM_BYTES } from './item-size.js';
export type * from './key-value-sink.js';
