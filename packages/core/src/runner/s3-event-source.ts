import type { S3Event } from '../lambda/s3-event.js';
import { listAll, type ObjectStore } from '../storage/object-store.js';
import { s3PutEvent } from '../testing/s3-events.js';
import { requireInteger } from './options.js';

export { s3PutEvent };

/** The handler the source calls: any S3 Lambda handler (see `s3ObjectHandler`). */
export type S3EventHandler = (event: S3Event) => unknown;

/** Options of {@link runS3Events}. */
export interface S3EventSourceOptions {
  /** The bucket name the events carry (the store stands for it). */
  bucket: string;
  /** Only objects whose keys start with it, like a notification's prefix filter. Default: all. */
  prefix?: string;
  /**
   * Retries of a failed invocation, as Lambda's asynchronous invocation makes (0 to 2): an object
   * whose invocation fails `maxRetryAttempts + 1` times goes to the dead-letter list. Default 2.
   */
  maxRetryAttempts?: number;
  region?: string;
}

/** An object whose every invocation failed, as an on-failure destination would hold it. */
export interface S3DeadLetter {
  key: string;
  attempts: number;
  /** The last invocation's error, `Name: message`. */
  error: string;
}

/** The account of {@link runS3Events}: `objects = delivered + deadLetters.length`. */
export interface S3EventRunReport {
  objects: number;
  invocations: number;
  failedInvocations: number;
  delivered: number;
  deadLetters: S3DeadLetter[];
}

/**
 * The S3 → Lambda notification on one machine: hands the handler one put event per object under
 * `prefix` of the store (keys URL-encoded as S3 sends them), in key order, retrying a failed
 * invocation as Lambda's asynchronous invocation does and dead-lettering the object after that.
 *
 * @example
 * await store.put('raw/orders.csv', body);
 * const report = await runS3Events(store, filterOrdersHandler({ store }), { bucket: 'orders', prefix: 'raw/' });
 */
export async function runS3Events(
  store: ObjectStore,
  handler: S3EventHandler,
  options: S3EventSourceOptions,
): Promise<S3EventRunReport> {
  const maxRetryAttempts = options.maxRetryAttempts ?? 2;
  requireInteger('maxRetryAttempts', maxRetryAttempts, 0);
  const report: S3EventRunReport = {
    objects: 0,
    invocations: 0,
    failedInvocations: 0,
    delivered: 0,
    deadLetters: [],
  };
  const region = options.region === undefined ? {} : { region: options.region };
  for await (const { key, size } of listAll(store, options.prefix ?? '')) {
    report.objects++;
    const event = s3PutEvent(options.bucket, { key, size }, region);
    const error = await invoke(handler, event, maxRetryAttempts + 1, report);
    if (error === undefined) report.delivered++;
    else report.deadLetters.push({ key, attempts: maxRetryAttempts + 1, error });
  }
  return report;
}

/** Invokes until one invocation succeeds; the last error, `Name: message`, when none did. */
async function invoke(
  handler: S3EventHandler,
  event: S3Event,
  attempts: number,
  report: S3EventRunReport,
): Promise<string | undefined> {
  let last: string | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    report.invocations++;
    try {
      await handler(event);
      return undefined;
    } catch (error) {
      report.failedInvocations++;
      last = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
  return last;
}
