import type { SourcePosition } from '../outcome/outcome.js';
import { BatchAccount, type RecordOrigin } from './batch-account.js';
import { type S3KeyDecodeError, S3ObjectRetryError } from './errors.js';
import type { EventReader } from './event-shape.js';
import type { RawRecordOptions } from './handler-options.js';
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

/** Options of {@link s3ObjectHandler}: the per-object pipeline and the keys it listens to. */
export interface S3ObjectHandlerOptions extends RawRecordOptions<S3ObjectRef> {
  /** Objects outside it are dropped as `outside-filter` (a second guard behind the notification filter). */
  filter?: S3KeyFilter;
}

/** A Lambda handler for S3 object notifications; resolves to the invocation's report. */
export type S3ObjectHandler = (event: S3Event) => Promise<BatchReport>;

/**
 * Turns a per-object function into an S3 notification handler. Every object of the event is
 * processed; a rejected object (or a key that is not valid URL encoding) goes to `onReject` with the
 * position `{ kind: 'file', file: 's3://bucket/key', line: 0 }` (line 0: the whole object). S3 invokes
 * Lambda asynchronously, so partial failure cannot be reported: if any object threw or asked for a
 * retry, the handler throws `S3ObjectRetryError` once the others are done, and Lambda retries the
 * whole event. `process` must therefore be idempotent (same object in, same outputs).
 *
 * @example
 * export const handler = s3ObjectHandler({
 *   filter: { prefix: 'raw/', suffix: '.csv' },
 *   process: async ({ bucket, key }) => { await filterStaleOrders(bucket, key); },
 *   onReject: (rejection) => quarantine.write(rejection),
 * });
 */
export function s3ObjectHandler(options: S3ObjectHandlerOptions): S3ObjectHandler {
  return async (event) => {
    const account = new BatchAccount(options.now);
    for (const reader of s3EventRecords(event)) await processObject(reader, options, account);
    const report = account.report();
    await options.onReport?.(report);
    if (report.failed > 0) {
      throw new S3ObjectRetryError(
        report.failures.map((failure) => failure.id),
        { cause: report.failures[0]?.cause },
      );
    }
    return report;
  };
}

async function processObject(reader: EventReader, options: S3ObjectHandlerOptions, account: BatchAccount) {
  let keyError: S3KeyDecodeError | undefined;
  const object = readS3Record(reader, (rawKey) => {
    try {
      return decodeS3Key(rawKey);
    } catch (error) {
      keyError = error as S3KeyDecodeError;
      return rawKey;
    }
  });
  const origin: RecordOrigin = { id: object.key, position: objectPosition(object) };
  if (keyError) {
    const rejection = rejectionAt('invalid-key', keyError.message, origin.position, object.rawKey);
    await account.run(
      { process: () => undefined, onReject: options.onReject, decode: () => ({ ok: false, rejection }) },
      object,
      origin,
    );
  } else if (options.filter && !matchesS3Key(object.key, options.filter)) {
    account.drop('outside-filter');
  } else {
    await account.run(options, object, origin);
  }
}

function objectPosition(object: S3ObjectRef): SourcePosition {
  return { kind: 'file', file: `s3://${object.bucket}/${object.key}`, line: 0 };
}
