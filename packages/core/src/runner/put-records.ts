import { PutRecordsStalledError } from './errors.js';
import type { KinesisInput } from './kinesis-runner.js';
import type { RecordChunks } from './record-chunks.js';

/**
 * PutRecords as a producer sees it: the indexes of the entries the stream refused (a 200 response
 * can still carry `FailedRecordCount`). On AWS, wrap `KinesisProducer` from `@sluice/sinks/kinesis`;
 * locally, {@link acceptEveryRecord} or a fake that refuses some to test resending.
 */
export type PutRecords = (records: readonly KinesisInput[]) => Promise<{ refused: readonly number[] }>;

/**
 * A stream that takes every record: the local runner reads what {@link putOnStream} yields.
 *
 * @example await runKinesisStream(putOnStream(records, acceptEveryRecord, { stream: 'readings' }), handler);
 */
export const acceptEveryRecord: PutRecords = async () => ({ refused: [] });

/**
 * Puts records on a stream in PutRecords calls of at most 500, resending the refused entries (as
 * PutRecords callers must), and yields each record once the stream took it, so it can feed
 * `runKinesisStream` directly (which takes them a call's worth at a time, through `chunks`). Throws
 * {@link PutRecordsStalledError} when entries are still refused after `maxAttempts` calls, so a
 * caller checkpointing after the records does not advance.
 *
 * @example await runKinesisStream(putOnStream(chunk.records, put, { stream: 'readings' }), handler);
 */
export function putOnStream(
  records: readonly KinesisInput[],
  put: PutRecords,
  options: { stream: string; maxAttempts?: number },
): AsyncIterable<KinesisInput> & RecordChunks<KinesisInput> {
  const chunks = () => takenChunks(records, put, options);
  return {
    chunks: { [Symbol.asyncIterator]: () => chunks() },
    async *[Symbol.asyncIterator]() {
      for await (const taken of chunks()) yield* taken;
    },
  };
}

async function* takenChunks(
  records: readonly KinesisInput[],
  put: PutRecords,
  options: { stream: string; maxAttempts?: number },
): AsyncGenerator<readonly KinesisInput[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let start = 0; start < records.length; start += 500) {
    let pending = records.slice(start, start + 500);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts)
        throw new PutRecordsStalledError(options.stream, pending.length, maxAttempts);
      const { refused } = await put(pending);
      if (refused.length === 0) {
        yield pending;
        break;
      }
      const again = new Set(refused);
      yield pending.filter((_, i) => !again.has(i));
      pending = pending.filter((_, i) => again.has(i));
    }
  }
}
