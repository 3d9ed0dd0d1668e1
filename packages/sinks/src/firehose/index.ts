export { FirehoseStreamMissingError } from './errors.js';
export { FirehoseProducer, type FirehoseProducerOptions } from './firehose-producer.js';
export { FIREHOSE_LIMITS } from './limits.js';
