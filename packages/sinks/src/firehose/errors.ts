/** Thrown by the constructor when no delivery stream is named. */
export class FirehoseStreamMissingError extends Error {
  override readonly name = 'FirehoseStreamMissingError';
  constructor() {
    super('FirehoseProducer needs deliveryStreamName');
  }
}
