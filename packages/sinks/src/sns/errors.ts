/** Thrown by the constructor when no topic ARN is given. */
export class SnsTopicMissingError extends Error {
  override readonly name = 'SnsTopicMissingError';
  constructor() {
    super('SnsNotifier needs topicArn');
  }
}
