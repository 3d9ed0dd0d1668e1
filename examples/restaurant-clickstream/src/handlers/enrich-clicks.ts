import {
  type BatchReport,
  type FirehoseTransformHandler,
  firehoseTransformHandler,
  type HandlerLogger,
} from '@sluice/core/lambda';
import type { Rejection } from '@sluice/core/outcome';
import { enrichClickForFirehose } from '@sluice/transforms/clickstream';
import { enrichConfigFromEnv } from '../config.js';

/** What the transform Lambda needs from its surroundings; every field has an AWS default. */
export interface EnrichClicksHandlerDeps {
  /** `CLICKS_METRICS_NAMESPACE`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives each ProcessingFailed record's reason with its recordId as position. Default: logged. */
  onReject?: (rejection: Rejection) => void | Promise<void>;
  /** Receives each invocation's account (the local runner totals them). */
  onReport?: (report: BatchReport) => void | Promise<void>;
  /** Where rejections and the EMF line of each invocation go. Default: stdout on Lambda. */
  log?: (line: string) => void;
  /** Where failures are logged. Default: JSON lines (a Powertools `Logger` fits). */
  logger?: HandlerLogger;
  now?: () => number;
}

/**
 * The Firehose data-transformation Lambda of seed 001: enriches each click (item category and
 * number, ISO `created_at` with the en-dash/`u2013` artefacts repaired) and returns its `datehour`
 * as the dynamic-partitioning key; undecodable or invalid clicks are `ProcessingFailed`, which
 * Firehose writes under the error prefix with their original data.
 *
 * @example
 * const handler = enrichClicksHandler({ log: () => {} });
 * const { records } = await handler(firehoseEvent);
 */
export function enrichClicksHandler(deps: EnrichClicksHandlerDeps = {}): FirehoseTransformHandler {
  const { metricsNamespace } = enrichConfigFromEnv(deps.env ?? process.env);
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return firehoseTransformHandler({
    name: 'enrich-clicks',
    process: enrichClickForFirehose,
    onReject: deps.onReject ?? ((rejection) => log(JSON.stringify({ rejection }))),
    metrics: {
      namespace: metricsNamespace,
      dimensions: { Pipeline: 'restaurant-clickstream' },
      ...(deps.log && { write: deps.log }),
    },
    ...(deps.onReport && { onReport: deps.onReport }),
    ...(deps.logger && { logger: deps.logger }),
    ...(deps.now && { now: deps.now }),
  });
}

let configured: FirehoseTransformHandler | undefined;

/** The Lambda entry point, configured from the environment at the first invocation. */
export const handler: FirehoseTransformHandler = (event, context) => {
  configured ??= enrichClicksHandler();
  return configured(event, context);
};
