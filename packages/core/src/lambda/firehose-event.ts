import type { SourcePosition } from '../outcome/outcome.js';
import { EventReader } from './event-shape.js';
import { payloadTextOf, rememberPayloadText } from './local-payload.js';

/** One record of a Firehose data-transformation request. */
export interface FirehoseEventRecord {
  recordId: string;
  /** Milliseconds since the epoch. */
  approximateArrivalTimestamp: number;
  /** The record's bytes, base64-encoded. */
  data: string;
  /** Present when the delivery stream reads from a Kinesis data stream. */
  kinesisRecordMetadata?: {
    shardId: string;
    partitionKey: string;
    /** Epoch milliseconds, though some senders write an ISO string. */
    approximateArrivalTimestamp: number | string;
    sequenceNumber: string;
    /** A string in Firehose's events (often empty). */
    subsequenceNumber: string | number;
  };
}

/** The request Firehose sends to a data-transformation Lambda. */
export interface FirehoseTransformationEvent {
  invocationId: string;
  deliveryStreamArn: string;
  region: string;
  sourceKinesisStreamArn?: string;
  records: FirehoseEventRecord[];
}

/** A Firehose record read from a request; `data` stays base64 until asked for. */
export interface FirehoseRecord {
  recordId: string;
  /** `''` when the request had none (missing or `null`); `dataMissing` is then set. */
  data: string;
  /** The record came without `data`: the handler answers `ProcessingFailed` (`missing-data`) without processing it. */
  dataMissing?: true;
  approximateArrivalTimestamp: number;
  /** `{ kind: 'message', messageId: recordId }`, for rejections. */
  position: SourcePosition;
}

/** A Firehose transformation request, read. */
export interface FirehoseRequest {
  invocationId: string;
  deliveryStreamArn: string;
  records: FirehoseRecord[];
}

/**
 * Reads a Firehose transformation request. Throws `LambdaEventShapeError` if it is not one.
 *
 * @example
 * const { invocationId, records } = parseFirehoseEvent(event);
 */
export function parseFirehoseEvent(event: unknown): FirehoseRequest {
  const reader = new EventReader('Firehose', '', event);
  return {
    invocationId: reader.string('invocationId'),
    deliveryStreamArn: reader.string('deliveryStreamArn'),
    records: reader.array('records').map(readRecord),
  };
}

function readRecord(record: EventReader): FirehoseRecord {
  const recordId = record.string('recordId');
  // One record without data is that record's failure, not a malformed request failing the batch.
  const data = (record.value as Record<string, unknown>).data ?? undefined;
  const read: FirehoseRecord = {
    recordId,
    data: data === undefined ? '' : record.string('data'),
    ...(data === undefined && { dataMissing: true as const }),
    approximateArrivalTimestamp: record.number('approximateArrivalTimestamp'),
    position: { kind: 'message', messageId: recordId },
  };
  const text = payloadTextOf(record.value as object);
  return text === undefined ? read : rememberPayloadText(read, text);
}
