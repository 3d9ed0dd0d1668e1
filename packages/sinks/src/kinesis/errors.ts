/** Thrown by the constructor when neither a stream name nor a stream ARN is given. */
export class KinesisStreamMissingError extends Error {
  override readonly name = 'KinesisStreamMissingError';
  constructor() {
    super('KinesisProducer needs streamName or streamARN');
  }
}
