export { KinesisStreamMissingError } from './errors.js';
export { KinesisProducer, type KinesisProducerOptions } from './kinesis-producer.js';
export { KINESIS_LIMITS } from './limits.js';
