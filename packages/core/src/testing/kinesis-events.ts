import type { KinesisEvent, KinesisEventRecord } from '../lambda/kinesis-event.js';
import { type EventPayload, type EventSourceOptions, payloadBytes } from './aws-events.js';
import { eventOrigin, type SourceFields, sourceFields } from './event-source.js';

/** A record of a Kinesis event; everything but the data has a default. */
export interface KinesisRecordInput {
  data: EventPayload;
  /** Default `partition-key`. */
  partitionKey?: string;
  /** Default: 56 digits from the shard and the record's place, increasing within the shard. */
  sequenceNumber?: string;
  /** Default 0. */
  shard?: number;
  /** Epoch ms. Default 0. */
  arrivedAt?: number;
}

/** Options of {@link kinesisEvent}. */
export interface KinesisEventOptions extends EventSourceOptions {
  /** Default `local-stream`. */
  streamName?: string;
}

/**
 * The event Lambda's Kinesis event source mapping sends, one record per input (data is base64 of
 * the payload's bytes; objects are sent as JSON).
 *
 * @example
 * await handler(kinesisEvent(readings.map((r) => ({ data: r, partitionKey: r.machine_id }))));
 */
export function kinesisEvent(
  records: readonly KinesisRecordInput[],
  options: KinesisEventOptions = {},
): KinesisEvent {
  return { Records: records.map((record, index) => kinesisEventRecord(record, index + 1, options)) };
}

/**
 * One record of a Kinesis event; `n` numbers the record for its default sequence number.
 *
 * @example kinesisEventRecord({ data: { machine_id: 7 }, partitionKey: '7' }, 1, { streamName: 'readings' })
 */
export function kinesisEventRecord(
  record: KinesisRecordInput,
  n: number,
  options: KinesisEventOptions = {},
): KinesisEventRecord {
  const shard = record.shard ?? 0;
  return kinesisEnvelope(
    {
      partitionKey: record.partitionKey ?? 'partition-key',
      sequenceNumber: record.sequenceNumber ?? kinesisSequenceNumber(shard, n),
      base64Data: payloadBytes(record.data).toString('base64'),
      shardId: kinesisShardId(shard),
      arrivedAt: record.arrivedAt ?? 0,
    },
    kinesisStreamSource(options),
  );
}

/** A Kinesis record's fields with its data already base64 (the local runner encodes once per record). */
export interface KinesisEnvelopeFields {
  partitionKey: string;
  sequenceNumber: string;
  base64Data: string;
  /** `shardId-000000000000`, see {@link kinesisShardId}. */
  shardId: string;
  arrivedAt: number;
}

/** The fields every record of one stream shares, built once per stream (see {@link kinesisStreamSource}). */
export interface KinesisStreamSource extends SourceFields {
  invokeIdentityArn: string;
}

/** The fields a stream's records share. Internal to core (the runner builds them once per run). */
export function kinesisStreamSource(options: KinesisEventOptions): KinesisStreamSource {
  return {
    ...sourceFields('kinesis', `stream/${options.streamName ?? 'local-stream'}`, options),
    invokeIdentityArn: `arn:aws:iam::${eventOrigin(options).account}:role/local-stream-runner`,
  };
}

/** Wraps a record's fields as Lambda's event source mapping does. Internal to core (the runner). */
export function kinesisEnvelope(
  fields: KinesisEnvelopeFields,
  source: KinesisStreamSource,
): KinesisEventRecord {
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: fields.partitionKey,
      sequenceNumber: fields.sequenceNumber,
      data: fields.base64Data,
      approximateArrivalTimestamp: fields.arrivedAt / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${fields.shardId}:${fields.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: source.invokeIdentityArn,
    awsRegion: source.awsRegion,
    eventSourceARN: source.eventSourceARN,
  };
}

/**
 * A shard's id as Kinesis names it.
 *
 * @example kinesisShardId(6) // 'shardId-000000000006'
 */
export function kinesisShardId(shard: number): string {
  return `shardId-${String(shard).padStart(12, '0')}`;
}

/**
 * 56 digits like a real sequence number, increasing within a shard: `4959` + shard + counter.
 *
 * @example kinesisSequenceNumber(0, 1) // '4959' + '0000' + 47 zeros + '1'
 */
export function kinesisSequenceNumber(shard: number, n: number): string {
  return `4959${String(shard).padStart(4, '0')}${String(n).padStart(48, '0')}`;
}
