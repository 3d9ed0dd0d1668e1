import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchReport,
  ConfigurationError,
  type HandlerLogger,
  type HandlerMetricsOptions,
  jsonLogger,
  type RejectionSink,
  type SqsBatchHandler,
  type SqsMessage,
  sqsBatchHandler,
} from '@sluice/core/lambda';
import { DynamoDbSink, type KeyValueSink } from '@sluice/sinks/dynamodb';
import type { Notifier } from '@sluice/sinks/notify';
import type { TransactionItem, TransactionNotification } from '@sluice/transforms/transactions';
import { type TransactionStreamConfig, transactionStreamConfig } from '../config.js';
import { notifierByKind } from '../notifier-by-kind.js';
import { storeAndNotify } from '../store-and-notify.js';
import { TransactionTable, transactionTableSchema } from '../transaction-table.js';

/** What the handler takes from outside; every field has an AWS default. */
export interface TransactionHandlerDeps {
  /** `TABLE_NAME`, `TOPIC_ARN`, `LARGE_ORDER_TOPIC_ARN`, `LARGE_ORDER_THRESHOLD`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The transactions table. Default: a DynamoDbSink on `TABLE_NAME` through `dynamo`. */
  table?: KeyValueSink;
  /** The client of the default table. Default: a client from the Lambda environment. */
  dynamo?: DynamoDBDocumentClient | DynamoDBClient;
  /** Default: an SnsNotifier on `TOPIC_ARN`. */
  notifier?: Notifier;
  /** Where rejected messages go. Default: one JSON line on stdout (CloudWatch Logs). */
  quarantine?: RejectionSink<SqsMessage>;
  /** Receives each invocation's account (the handler also writes it as one EMF line). */
  onReport?: (report: BatchReport) => void | Promise<void>;
  /** Where failures and quarantined messages are logged. Default: JSON lines; a Powertools `Logger` fits. */
  logger?: HandlerLogger;
  /** Where the EMF line goes. Default: stdout on Lambda, nowhere elsewhere. */
  metricsWrite?: HandlerMetricsOptions['write'];
  onStored?: (item: TransactionItem, sent: readonly TransactionNotification[]) => void;
  /** Default `Date.now`. */
  now?: () => number;
}

/**
 * The SQS handler of seed 003 (event source mapping with `ReportBatchItemFailures`): validate,
 * classify, write to DynamoDB idempotently, then notify exactly once per transaction.
 *
 * @example
 * const handler = await processTransactionsHandler({ env: { TABLE_NAME: 'transactions' }, notifier: new MemoryNotifier() });
 * const { batchItemFailures } = await handler(sqsEvent, context);
 *
 * @example
 * // Logging through Powertools instead of the default JSON lines:
 * import { Logger } from '@aws-lambda-powertools/logger';
 * const handler = await processTransactionsHandler({ logger: new Logger({ serviceName: 'transactions' }) });
 */
export async function processTransactionsHandler(
  deps: TransactionHandlerDeps = {},
): Promise<SqsBatchHandler> {
  const config = transactionStreamConfig(deps.env ?? process.env);
  const now = deps.now ?? Date.now;
  const processMessage = storeAndNotify({
    table: new TransactionTable(
      deps.table ?? new DynamoDbSink({ ...transactionTableSchema(config.tableName), client: deps.dynamo }),
    ),
    notifier: deps.notifier ?? (await snsNotifier(config)),
    largeOrderThreshold: config.largeOrderThreshold,
    now,
    onStored: deps.onStored,
  });
  const logger = deps.logger ?? jsonLogger();
  return sqsBatchHandler({
    name: 'process-transactions',
    process: processMessage,
    // Without a quarantine store, a rejected message is kept in the logs, whole, with its reason.
    onReject:
      deps.quarantine ?? ((rejection) => logger.warn('message quarantined', { quarantine: rejection })),
    metrics: { dimensions: { Pipeline: 'transaction-stream' }, write: deps.metricsWrite },
    logger,
    now,
    ...(deps.onReport && { onReport: deps.onReport }),
  });
}

/**
 * The SNS module loads only on AWS, so local runs never import the SNS client. Large-order alerts go
 * to their own topic when `LARGE_ORDER_TOPIC_ARN` is set (the reference deployment's two topics).
 */
async function snsNotifier(config: TransactionStreamConfig): Promise<Notifier> {
  if (!config.topicArn) throw new ConfigurationError('TOPIC_ARN', 'is required');
  const { SnsNotifier } = await import('@sluice/sinks/sns');
  const inventory = new SnsNotifier({ topicArn: config.topicArn });
  if (!config.largeOrderTopicArn) return inventory;
  return notifierByKind(
    { 'large-order': new SnsNotifier({ topicArn: config.largeOrderTopicArn }) },
    inventory,
  );
}

let configured: Promise<SqsBatchHandler> | undefined;

/**
 * The Lambda entry point: configured from the environment on the first event, then reused.
 *
 * @example // CDK: new NodejsFunction(this, 'Transactions', { entry: 'src/handlers/process-transactions.ts' })
 */
export const handler: SqsBatchHandler = async (event, context) => {
  configured ??= processTransactionsHandler();
  return (await configured)(event, context);
};
