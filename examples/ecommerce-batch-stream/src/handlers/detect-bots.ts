import { encodeJsonLines } from '@sluice/core/codecs';
import { type EnvironmentVariables, handlerEnvironment, type KinesisEvent } from '@sluice/core/lambda';
import type { ObjectStore } from '@sluice/core/storage';
import { bucketStoreFromEnvironment } from '@sluice/sinks/buckets';
import { DynamoDbSink, type KeyValueSink } from '@sluice/sinks/dynamodb';
import type { Notifier } from '@sluice/sinks/notify';
import { DETECTIONS_TABLE, KEYS } from '../layout.js';
import { botStreamHandler } from '../stream/bot-stream-handler.js';
import { DetectionPublisher } from '../stream/detection-publisher.js';
import { ObjectDetectorStates } from '../stream/detector-states.js';
import { expiringDetections } from './detection-expiry.js';
import { detectorFromEnvironment } from './environment.js';

type Handler = ReturnType<typeof botStreamHandler>;

/** What the handler takes from outside; each has an AWS default built from the environment. */
export interface DetectBotsDeps {
  /** `TABLE_NAME`, `ALERT_TOPIC_ARN`, `EVENTS_BUCKET`, `DETECTION_TTL_DAYS`, detector settings. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Holds detector state and quarantine. Default: S3 bucket `EVENTS_BUCKET`. */
  store?: ObjectStore;
  /** Default: a DynamoDbSink on `TABLE_NAME`. */
  table?: KeyValueSink;
  /** Default: an SnsNotifier on `ALERT_TOPIC_ARN`. */
  notifier?: Notifier;
  /** Default: stdout, which Lambda sends to CloudWatch Logs where EMF lines become metrics. */
  metrics?: (line: string) => void | Promise<void>;
}

/**
 * The Kinesis handler of the real-time path (event source mapping with `ReportBatchItemFailures`,
 * partition key `user_id`), configured from the environment with every dependency injectable.
 *
 * @example
 * const handler = await detectBotsHandler({ env: { WINDOW_MS: '10000' }, store, table, notifier });
 * await handler(kinesisEvent);
 */
export async function detectBotsHandler(deps: DetectBotsDeps = {}): Promise<Handler> {
  const env = deps.env ?? process.env;
  const store = deps.store ?? (await bucketStoreFromEnvironment('EVENTS_BUCKET', env));
  const publisher = new DetectionPublisher({
    table: deps.table ?? detectionsTable(env),
    notifier: deps.notifier ?? (await snsNotifier(handlerEnvironment(env).required('ALERT_TOPIC_ARN'))),
    metrics: deps.metrics ?? ((line) => console.log(line)),
  });
  return botStreamHandler({
    states: new ObjectDetectorStates(store),
    publisher,
    detector: detectorFromEnvironment(env),
    quarantine: async (batchId, rejections) => {
      await store.put(`${KEYS.streamQuarantine}${batchId}.jsonl`, encodeJsonLines(rejections));
    },
  });
}

/** The DynamoDB table `TABLE_NAME`; items expire `DETECTION_TTL_DAYS` after their window when set. */
function detectionsTable(env: EnvironmentVariables): KeyValueSink {
  const read = handlerEnvironment(env);
  const table = new DynamoDbSink({ ...DETECTIONS_TABLE, tableName: read.required('TABLE_NAME') });
  const days = read.wholeNumber('DETECTION_TTL_DAYS', { min: 1 });
  return days === undefined ? table : expiringDetections(table, days);
}

/** The SNS module loads only on AWS, so local runs never import the SNS client. */
async function snsNotifier(topicArn: string): Promise<Notifier> {
  const { SnsNotifier } = await import('@sluice/sinks/sns');
  return new SnsNotifier({ topicArn });
}

let configured: Promise<Handler> | undefined;

/**
 * The Lambda entry point: configured on the first event, then reused.
 *
 * @example // CDK: new NodejsFunction(this, 'DetectBots', { entry: 'src/handlers/detect-bots.ts' })
 */
export const handler = async (event: KinesisEvent) => {
  configured ??= detectBotsHandler();
  return (await configured)(event);
};
