import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toCreateTableDdl } from '@sluice/athena';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { type Rejection, type RunReport, RunTally } from '@sluice/core/outcome';
import {
  type BufferingHints,
  type IngestEndpoint,
  jsonLinesBatches,
  LocalDeliveryStream,
  type PostedBodies,
  postBodies,
  startIngestEndpoint,
} from '@sluice/core/runner';
import { LocalObjectStore } from '@sluice/core/storage';
import { clicksJsonl, writeLines } from '@sluice/datagen';
import { CLICKS_ERROR_PREFIX, CLICKS_PREFIX, clicksTable } from './clicks-table.js';
import { insightsHandler } from './handlers/clickstream-insights.js';
import { enrichClicksHandler } from './handlers/enrich-clicks.js';
import type { DemoResult } from './index.js';
import type { ClickInsights } from './insights-queries.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Everything goes under it: `input/clicks.jsonl`, the bucket folder, `rejections/`, `insights.json`. */
  dir: string;
  rows: number;
  seed: number;
  log: (line: string) => void;
  /** Firehose buffering hints. Default 1 MiB or 60 s (the demo flushes on close anyway). */
  buffering?: BufferingHints;
  /** Requests in flight against the endpoint. Default 8. */
  concurrency?: number;
  /**
   * Clicks per request (a JSON Lines body); 1 sends the seed's one-click JSON body. Default 500, the
   * most one PutRecordBatch takes: HTTP round trips, not clicks, were most of the ingest's time.
   */
  batchSize?: number;
}

/** The bucket the local run writes to; its folder under `dir` is recreated on every run. */
export const DEMO_BUCKET = 'restaurant-clickstream';

/**
 * Seed 001 on one machine: generates clicks, POSTs them one per request to the local `/clicks`
 * endpoint, which puts them into a local Firehose delivery stream whose transform is the same
 * handler Lambda runs; enriched clicks land under `clicks/YYYY/MM/DD/HH/`, failed ones under
 * `clicks-errors/`. Then the projected `clicks` table is registered on DuckDB and the insights run.
 *
 * @example
 * const result = await runDemo({ dir: 'out/clicks', rows: 20_000, seed: 42, log: console.error });
 * console.log(result.reports['firehose-transform']);
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const bucketDir = join(options.dir, DEMO_BUCKET);
  await rm(bucketDir, { recursive: true, force: true });
  const input = join(options.dir, 'input', 'clicks.jsonl');
  const lines = await writeLines(input, clicksJsonl({ rows: options.rows, seed: options.seed }), {
    progress: false,
  });
  options.log(`restaurant-clickstream: generated ${lines} clicks at ${input}`);
  const run = await ingestClicks(new LocalObjectStore(bucketDir), input, options);
  options.log(`restaurant-clickstream: delivered ${run.objects.length} objects under ${bucketDir}`);
  const insights = await queryClicks(options.dir);
  await writeOutputs(options.dir, run, insights);
  return {
    pipeline: 'restaurant-clickstream',
    reports: {
      'http-ingest': run.ingest,
      'firehose-transform': run.transform,
      'firehose-delivery': run.delivery,
    },
    summary: summaryOf(lines, bucketDir, run),
    queries: Object.entries(insights).map(([name, rows]) => ({ name, rows })),
  };
}

/** What the ingest half of the run needs besides the store and the input. */
export type IngestOptions = Pick<DemoOptions, 'log' | 'buffering' | 'concurrency' | 'batchSize'>;

/** What the ingest half of the run produced. */
export interface IngestRun {
  posted: PostedBodies;
  ingest: RunReport;
  transform: RunReport;
  delivery: RunReport;
  objects: string[];
  rejections: { ingest: Rejection[]; transform: Rejection[] };
}

/**
 * The ingest half of {@link runDemo}: the clicks of a JSON Lines file POSTed to a local `/clicks`
 * endpoint, through the Firehose buffer and the transform Lambda's handler into `store`.
 *
 * @example const run = await ingestClicks(new LocalObjectStore('out/bucket'), 'clicks.jsonl', { log: console.error });
 */
export async function ingestClicks(
  store: LocalObjectStore,
  input: string,
  options: IngestOptions,
): Promise<IngestRun> {
  const transform = new RunTally();
  const rejections = { ingest: [] as Rejection[], transform: [] as Rejection[] };
  const handler = enrichClicksHandler({
    env: {},
    log: () => {}, // the demo prints the totals; per-batch EMF lines are for CloudWatch
    onReject: (rejection) => void rejections.transform.push(rejection),
    onReport: (report) => {
      transform.absorb(report);
      if (report.failed > 0) transform.reject('transform-error', report.failed);
    },
  });
  const stream = new LocalDeliveryStream({
    name: 'clicks',
    store,
    transform: handler,
    prefix: CLICKS_PREFIX,
    errorPrefix: CLICKS_ERROR_PREFIX,
    extension: '.json',
    ...(options.buffering && { buffering: options.buffering }),
  });
  const endpoint = await startIngestEndpoint({
    stream,
    path: '/clicks',
    onReject: (rejection) => rejections.ingest.push(rejection),
  });
  options.log(`restaurant-clickstream: POSTing clicks to ${endpoint.url}`);
  const posted = await postAll(endpoint, input, options);
  await stream.close();
  return {
    posted,
    ingest: endpoint.report(),
    transform: transform.report(),
    delivery: stream.report(),
    objects: stream.objectKeys(),
    rejections,
  };
}

async function postAll(
  endpoint: IngestEndpoint,
  input: string,
  options: IngestOptions,
): Promise<PostedBodies> {
  const lines = createInterface({ input: createReadStream(input), crlfDelay: Number.POSITIVE_INFINITY });
  const bodies = jsonLinesBatches(lines, options.batchSize ?? 500);
  try {
    return await postBodies(endpoint.url, bodies, { concurrency: options.concurrency ?? 8 });
  } finally {
    await endpoint.close();
  }
}

// With no click delivered yet the table is empty and every insight has no rows.
async function queryClicks(dir: string): Promise<ClickInsights> {
  const engine = await createDuckDbEngine({ localRoot: dir, tables: [clicksTable({ bucket: DEMO_BUCKET })] });
  try {
    return await insightsHandler({ engine })();
  } finally {
    await engine.close();
  }
}

async function writeOutputs(dir: string, run: IngestRun, insights: ClickInsights): Promise<void> {
  await mkdir(join(dir, 'rejections'), { recursive: true });
  const jsonLines = (values: unknown[]) => values.map((value) => `${JSON.stringify(value)}\n`).join('');
  await writeFile(join(dir, 'rejections', 'http-ingest.jsonl'), jsonLines(run.rejections.ingest));
  await writeFile(join(dir, 'rejections', 'firehose-transform.jsonl'), jsonLines(run.rejections.transform));
  await writeFile(join(dir, 'insights.json'), `${JSON.stringify(insights, null, 2)}\n`);
  await writeFile(
    join(dir, 'clicks-table.sql'),
    `${toCreateTableDdl(clicksTable({ bucket: DEMO_BUCKET }))}\n`,
  );
}

function summaryOf(lines: number, bucketDir: string, run: IngestRun): Record<string, unknown> {
  const errorObjects = run.objects.filter((key) => key.startsWith('clicks-errors/')).length;
  return {
    bucket: bucketDir,
    generatedClicks: lines,
    requests: run.posted.sent,
    statuses: run.posted.statuses,
    objects: { clicks: run.objects.length - errorObjects, errors: errorObjects },
    // Nothing lost: every generated click was accepted or rejected at the door, every accepted record
    // reached the transform and the store, every answered record is kept or under the error prefix.
    nothingLost:
      run.ingest.read === lines &&
      run.ingest.kept === run.transform.read &&
      run.transform.read === run.delivery.read &&
      run.transform.kept === run.delivery.kept,
  };
}
