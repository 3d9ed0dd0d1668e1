export * from './errors.js';
export * from './firehose-producer.js';
export * from './limits.js';
