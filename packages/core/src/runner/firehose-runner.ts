import { wellFormedText } from '../lambda/local-payload.js';
import type { RunReport } from '../outcome/report.js';
import { LocalDeliveryStream, type LocalDeliveryStreamOptions } from './firehose-delivery-stream.js';
import { payloadBytes, type RecordPayload, type RecordSource } from './stream-source.js';

/** What {@link runFirehoseStream} delivered. */
export interface FirehoseRunReport {
  /** `read` = every record put; kept (delivered) + dropped (by the transform) + rejected (error prefix). */
  report: RunReport;
  /** Keys of the objects written, sorted. */
  objects: string[];
  /** Transform invocations (one per buffered batch). */
  invocations: number;
}

/**
 * Puts every record of `source` on a local Firehose delivery stream (buffer, transform, dynamic
 * partitioning, error prefix; see {@link LocalDeliveryStream}) and closes it, as a producer calling
 * PutRecordBatch would, then reports what was delivered.
 *
 * @example
 * const { report, objects } = await runFirehoseStream(clicks(), {
 *   name: 'clicks', store, transform: handler,
 *   prefix: 'clicks/!{partitionKeyFromLambda:datehour}/',
 *   errorPrefix: 'clicks-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/',
 * });
 */
export async function runFirehoseStream(
  source: RecordSource<RecordPayload>,
  options: LocalDeliveryStreamOptions,
): Promise<FirehoseRunReport> {
  const stream = new LocalDeliveryStream(options);
  let batch: (string | Uint8Array)[] = [];
  // PutRecordBatch takes at most 500 records a call.
  for await (const record of source) {
    batch.push(wellFormedText(record) ?? payloadBytes(record));
    if (batch.length < 500) continue;
    await stream.put(batch);
    batch = [];
  }
  await stream.put(batch);
  await stream.close();
  return { report: stream.report(), objects: stream.objectKeys(), invocations: stream.invocations };
}
