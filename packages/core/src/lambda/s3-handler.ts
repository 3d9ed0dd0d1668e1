import type { SourcePosition } from '../outcome/outcome.js';
import type { RecordOrigin } from './batch-account.js';
import { type S3KeyDecodeError, S3ObjectRetryError } from './errors.js';
import type { EventReader } from './event-shape.js';
import type { RawRecordOptions } from './handler-options.js';
import { Invocation } from './invocation.js';
import type { LambdaContext } from './lambda-context.js';
import { rejectionAt } from './payload.js';
import {
  decodeS3Key,
  matchesS3Key,
  readS3Record,
  type S3Event,
  type S3KeyFilter,
  type S3ObjectRef,
  s3EventRecords,
} from './s3-event.js';
import type { BatchReport } from './verdict.js';

const OBJECT_CREATED = 'ObjectCreated:';

/** Options of {@link s3ObjectHandler}: the per-object pipeline and the keys it listens to. */
export interface S3ObjectHandlerOptions extends RawRecordOptions<S3ObjectRef> {
  /** Objects outside it are dropped as `outside-filter` (a second guard behind the notification filter). */
  filter?: S3KeyFilter;
}

/**
 * A Lambda handler for S3 object notifications; assignable to `S3Handler` of `@types/aws-lambda`.
 * The invocation's report goes to `onReport` (or call {@link processS3Event} to get it back).
 * Without a context (local runs) there is no time limit.
 */
export type S3ObjectHandler = (event: S3Event, context?: LambdaContext) => Promise<void>;

/**
 * Turns a per-object function into an S3 notification handler. Every `ObjectCreated:*` object of the
 * event is processed; other records (`ObjectRemoved:Delete`, `ObjectRestore:*`…) are never fetched
 * but dropped as `not-object-created`. A rejected object, an object whose `process` threw a permanent
 * error (it was deleted, it is not valid input; see `classifyError`), or a key that is not valid URL
 * encoding goes to `onReject` with the position `{ kind: 'file', file: 's3://bucket/key', line: 0 }`
 * (line 0: the whole object) and is never retried. S3 invokes Lambda asynchronously, so partial
 * failure cannot be reported: if an object failed transiently, or was not started because less than
 * `stopMarginMs` was left, the handler throws `S3ObjectRetryError` once the others are done, and
 * Lambda retries the whole event. `process` must therefore be idempotent (same object in, same outputs).
 *
 * @example
 * export const handler = s3ObjectHandler({
 *   filter: { prefix: 'raw/', suffix: '.csv' },
 *   process: async ({ bucket, key }) => {
 *     const run = await filterStaleOrders(await store.get(key), { file: `s3://${bucket}/${key}`, onRejected });
 *     await store.put(key.replace(/^raw\//, 'processed/'), run.csv);
 *   },
 *   onReject: (rejection) => quarantine.write(rejection),
 * });
 */
export function s3ObjectHandler(options: S3ObjectHandlerOptions): S3ObjectHandler {
  return async (event, context) => {
    await processS3Event(event, options, context);
  };
}

/**
 * What {@link s3ObjectHandler} does for one event, resolving to the invocation's report; throws
 * `S3ObjectRetryError` as the handler does.
 *
 * @example const report = await processS3Event(event, { process, onReject }, context);
 */
export async function processS3Event(
  event: unknown,
  options: S3ObjectHandlerOptions,
  context?: LambdaContext,
): Promise<BatchReport> {
  const invocation = new Invocation(options, context, 's3ObjectHandler');
  for (const reader of s3EventRecords(event)) await processObject(reader, options, invocation);
  const report = await invocation.finish();
  const outOfTime = invocation.account.outOfTimeIds();
  if (report.failed > 0 || outOfTime.length > 0) {
    const cause = report.failures[0]?.cause;
    throw new S3ObjectRetryError(
      { failures: report.failures, outOfTime },
      cause === undefined ? {} : { cause },
    );
  }
  return report;
}

async function processObject(reader: EventReader, options: S3ObjectHandlerOptions, invocation: Invocation) {
  let keyError: S3KeyDecodeError | undefined;
  const object = readS3Record(reader, (rawKey) => {
    try {
      return decodeS3Key(rawKey);
    } catch (error) {
      keyError = error as S3KeyDecodeError;
      return rawKey;
    }
  });
  const { account } = invocation;
  const origin: RecordOrigin = { id: object.key, position: objectPosition(object) };
  if (!object.eventName.startsWith(OBJECT_CREATED)) {
    account.drop('not-object-created');
  } else if (!invocation.hasTime()) {
    account.outOfTime(object.key);
  } else if (keyError) {
    const rejection = rejectionAt('invalid-key', keyError.message, origin.position, object.rawKey);
    const decode = () => ({ ok: false as const, rejection });
    await account.run({ process: () => undefined, onReject: options.onReject, decode }, object, origin);
  } else if (options.filter && !matchesS3Key(object.key, options.filter)) {
    account.drop('outside-filter');
  } else {
    await account.run(options, object, origin);
  }
}

function objectPosition(object: S3ObjectRef): SourcePosition {
  return { kind: 'file', file: `s3://${object.bucket}/${object.key}`, line: 0 };
}
