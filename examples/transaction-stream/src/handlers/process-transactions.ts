import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchReport,
  type RejectionSink,
  type SqsBatchHandler,
  type SqsMessage,
  sqsBatchHandler,
} from '@sluice/core/lambda';
import { runReportEmf } from '@sluice/sinks/metrics';
import type { Notifier } from '@sluice/sinks/notify';
import type { TransactionItem, TransactionNotification } from '@sluice/transforms/transactions';
import { transactionStreamConfig } from '../config.js';
import { TransactionStreamConfigError } from '../errors.js';
import { storeAndNotify } from '../store-and-notify.js';
import { TransactionTable } from '../transaction-table.js';

/** What the handler takes from outside; every field has an AWS default. */
export interface TransactionHandlerDeps {
  /** `TABLE_NAME`, `TOPIC_ARN`, `LARGE_ORDER_THRESHOLD`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default: a client from the Lambda environment. */
  dynamo?: DynamoDBDocumentClient | DynamoDBClient;
  /** Default: an SnsNotifier on `TOPIC_ARN`. */
  notifier?: Notifier;
  /** Where rejected messages go. Default: one JSON line on stdout (CloudWatch Logs). */
  quarantine?: RejectionSink<SqsMessage>;
  /** Receives each invocation's account. Default: its EMF metric lines on stdout. */
  onReport?: (report: BatchReport) => void | Promise<void>;
  onStored?: (item: TransactionItem, sent: readonly TransactionNotification[]) => void;
  /** Default `Date.now`. */
  now?: () => number;
}

/**
 * The SQS handler of seed 003 (event source mapping with `ReportBatchItemFailures`): validate,
 * classify, write to DynamoDB idempotently, then notify exactly once per transaction.
 *
 * @example
 * const handler = processTransactionsHandler({ env: { TABLE_NAME: 'transactions' }, notifier: new MemoryNotifier() });
 * const { batchItemFailures } = await handler(sqsEvent);
 */
export async function processTransactionsHandler(
  deps: TransactionHandlerDeps = {},
): Promise<SqsBatchHandler> {
  const config = transactionStreamConfig(deps.env ?? process.env);
  const now = deps.now ?? Date.now;
  const processMessage = storeAndNotify({
    table: new TransactionTable({ tableName: config.tableName, client: deps.dynamo }),
    notifier: deps.notifier ?? (await snsNotifier(config.topicArn)),
    largeOrderThreshold: config.largeOrderThreshold,
    now,
    onStored: deps.onStored,
  });
  return sqsBatchHandler({
    process: processMessage,
    onReject: deps.quarantine ?? ((rejection) => console.log(JSON.stringify({ quarantine: rejection }))),
    onReport: deps.onReport ?? logMetrics,
    now,
  });
}

/** The SNS module loads only on AWS, so local runs never import the SNS client. */
async function snsNotifier(topicArn: string | undefined): Promise<Notifier> {
  if (!topicArn)
    throw new TransactionStreamConfigError('transaction-stream environment: TOPIC_ARN is required');
  const { SnsNotifier } = await import('@sluice/sinks/sns');
  return new SnsNotifier({ topicArn });
}

function logMetrics(report: BatchReport): void {
  const lines = runReportEmf(report, {
    namespace: 'Sluice',
    dimensions: { Pipeline: 'transaction-stream' },
  });
  for (const line of lines) console.log(line);
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
