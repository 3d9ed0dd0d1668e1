import type { FirehoseEventRecord, FirehoseTransformationEvent } from '../lambda/firehose-event.js';
import { type EventPayload, type EventSourceOptions, payloadBytes } from './aws-events.js';
import { eventOrigin, resourceArn } from './event-source.js';

/** A record of a Firehose transformation request; everything but the data has a default. */
export interface FirehoseRecordInput {
  data: EventPayload;
  /** Default: the record's place, zero-padded (`000000000001`). */
  recordId?: string;
  /** Epoch ms. Default 0. */
  arrivedAt?: number;
}

/** Options of {@link firehoseEvent}. */
export interface FirehoseEventOptions extends EventSourceOptions {
  /** Default `local-delivery-stream`. */
  deliveryStreamName?: string;
  /** Default `invocation-1`. */
  invocationId?: string;
}

/**
 * The request Firehose sends its data-transformation Lambda (data is base64 of the payload's bytes).
 *
 * @example
 * const { records } = await transform(firehoseEvent([{ data: click }, { data: 'not json' }]));
 */
export function firehoseEvent(
  records: readonly FirehoseRecordInput[],
  options: FirehoseEventOptions = {},
): FirehoseTransformationEvent {
  const origin = eventOrigin(options);
  const name = options.deliveryStreamName ?? 'local-delivery-stream';
  return {
    invocationId: options.invocationId ?? 'invocation-1',
    deliveryStreamArn: resourceArn('firehose', `deliverystream/${name}`, origin),
    region: origin.region,
    records: records.map((record, index) => firehoseEventRecord(record, index + 1)),
  };
}

/** One record of a Firehose request; `n` numbers the record for its default id. */
function firehoseEventRecord(record: FirehoseRecordInput, n: number): FirehoseEventRecord {
  return {
    recordId: record.recordId ?? String(n).padStart(12, '0'),
    approximateArrivalTimestamp: record.arrivedAt ?? 0,
    data: payloadBytes(record.data).toString('base64'),
  };
}
