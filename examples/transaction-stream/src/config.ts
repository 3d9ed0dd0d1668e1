import * as z from 'zod/mini';
import { TransactionStreamConfigError } from './errors.js';

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

const Environment = z.object({
  TABLE_NAME: z.string().check(z.trim(), z.minLength(1, 'is required')),
  TOPIC_ARN: z.optional(z.string().check(z.trim(), z.minLength(1, 'is empty'))),
  LARGE_ORDER_TOPIC_ARN: z.optional(z.string().check(z.trim(), z.minLength(1, 'is empty'))),
  LARGE_ORDER_THRESHOLD: z.optional(z.string().check(z.regex(/^\d+$/, 'must be a whole number'))),
});

/**
 * Reads the handler's settings from environment variables, naming every bad one at once.
 *
 * @example
 * const config = transactionStreamConfig({ TABLE_NAME: 'transactions', LARGE_ORDER_THRESHOLD: '50' });
 */
export function transactionStreamConfig(
  env: Readonly<Record<string, string | undefined>>,
): TransactionStreamConfig {
  const parsed = Environment.safeParse({ ...env, TABLE_NAME: env.TABLE_NAME ?? '' });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new TransactionStreamConfigError(`transaction-stream environment: ${problems.join('; ')}`);
  }
  const { TABLE_NAME, TOPIC_ARN, LARGE_ORDER_TOPIC_ARN, LARGE_ORDER_THRESHOLD } = parsed.data;
  return {
    tableName: TABLE_NAME,
    topicArn: TOPIC_ARN,
    largeOrderTopicArn: LARGE_ORDER_TOPIC_ARN,
    largeOrderThreshold: LARGE_ORDER_THRESHOLD === undefined ? 100 : Number(LARGE_ORDER_THRESHOLD),
  };
}
