import type { SourcePosition } from '../outcome/outcome.js';
import { eventRecords } from './event-records.js';
import type { EventReader } from './event-shape.js';
import { payloadTextOf, rememberPayloadText } from './local-payload.js';

/** One record of a Kinesis event, as Lambda delivers it (the fields Sluice reads). */
export interface KinesisEventRecord {
  kinesis: {
    kinesisSchemaVersion: string;
    partitionKey: string;
    sequenceNumber: string;
    /** The record's bytes, base64-encoded. */
    data: string;
    /** Seconds since the epoch, with milliseconds as the fraction. */
    approximateArrivalTimestamp: number;
  };
  eventSource: string;
  eventVersion: string;
  /** `shardId-000000000006:49590338271490256608559692538361571095921575989136588898` */
  eventID: string;
  eventName: string;
  invokeIdentityArn: string;
  awsRegion: string;
  eventSourceARN: string;
}

/** The event Lambda's Kinesis event source mapping sends. */
export interface KinesisEvent {
  Records: KinesisEventRecord[];
}

/** A Kinesis record read from an event; `data` stays base64 until asked for (see `decodeKinesisData`). */
export interface KinesisRecord {
  /** The base64 payload as the event carried it. */
  data: string;
  partitionKey: string;
  sequenceNumber: string;
  shardId: string;
  eventID: string;
  eventSourceARN: string;
  /** The stream name, from the ARN: `clicks` for `arn:aws:kinesis:eu-west-1:123456789012:stream/clicks`. */
  stream: string;
  approximateArrivalTimestamp: number;
  /** `{ kind: 'stream', stream, sequenceNumber, partitionKey }`, for rejections. */
  position: SourcePosition;
}

/**
 * Reads every record of a Kinesis event, in the order Lambda delivered them (shard order).
 * Throws `LambdaEventShapeError` if it is not a Kinesis event.
 *
 * @example
 * for (const record of parseKinesisEvent(event)) console.log(record.stream, record.sequenceNumber);
 */
export function parseKinesisEvent(event: unknown): KinesisRecord[] {
  return eventRecords('Kinesis', event, readRecord);
}

function readRecord(record: EventReader): KinesisRecord {
  const kinesis = record.object('kinesis');
  const eventID = record.string('eventID');
  const eventSourceARN = record.string('eventSourceARN');
  const stream = streamNameOf(eventSourceARN);
  const sequenceNumber = kinesis.string('sequenceNumber');
  const partitionKey = kinesis.string('partitionKey');
  const colon = eventID.indexOf(':');
  const read: KinesisRecord = {
    data: kinesis.string('data'),
    partitionKey,
    sequenceNumber,
    shardId: colon < 0 ? eventID : eventID.slice(0, colon),
    eventID,
    eventSourceARN,
    stream,
    approximateArrivalTimestamp: kinesis.number('approximateArrivalTimestamp'),
    position: { kind: 'stream', stream, sequenceNumber, partitionKey },
  };
  const text = payloadTextOf(kinesis.value as object);
  return text === undefined ? read : rememberPayloadText(read, text);
}

// A batch comes from one stream: its ARN is parsed once, not per record.
let lastArn = '';
let lastName = '';
function streamNameOf(arn: string): string {
  if (arn !== lastArn) [lastArn, lastName] = [arn, streamName(arn)];
  return lastName;
}

/**
 * The stream name in a Kinesis stream ARN (or a consumer ARN of it).
 *
 * @example streamName('arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream') // 'lambda-stream'
 */
export function streamName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.split('/')[1] ?? resource;
}
