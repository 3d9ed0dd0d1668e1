export * from './errors.js';
export * from './kinesis-producer.js';
export * from './limits.js';
