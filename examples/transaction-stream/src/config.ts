import { type EnvironmentVariables, handlerEnvironment } from '@sluice/core/lambda';

/** What the transaction handler reads from its environment. */
export interface TransactionStreamConfig {
  /** `TABLE_NAME`: the DynamoDB table keyed `TransactionID` (S). */
  tableName: string;
  /** `TOPIC_ARN`: the SNS topic for notifications; only needed when no notifier is injected. */
  topicArn: string | undefined;
  /** `LARGE_ORDER_TOPIC_ARN`: where large-order alerts go instead of `TOPIC_ARN`, when set. */
  largeOrderTopicArn: string | undefined;
  /** `LARGE_ORDER_THRESHOLD`: orders of more units are `pending` with a large-order alert. Default 100. */
  largeOrderThreshold: number;
}

/**
 * Reads the handler's settings from environment variables; a bad one fails the cold start with a
 * `ConfigurationError` naming it.
 *
 * @example
 * const config = transactionStreamConfig({ TABLE_NAME: 'transactions', LARGE_ORDER_THRESHOLD: '50' });
 */
export function transactionStreamConfig(env: EnvironmentVariables): TransactionStreamConfig {
  const read = handlerEnvironment(env);
  return {
    tableName: read.required('TABLE_NAME'),
    topicArn: read.optional('TOPIC_ARN'),
    largeOrderTopicArn: read.optional('LARGE_ORDER_TOPIC_ARN'),
    largeOrderThreshold: read.wholeNumber('LARGE_ORDER_THRESHOLD') ?? 100,
  };
}
