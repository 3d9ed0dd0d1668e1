export * from './batch-plan.js';
export * from './dynamodb-sink.js';
export * from './errors.js';
export * from './fingerprint.js';
export * from './item-size.js';
export type * from './key-value-sink.js';
