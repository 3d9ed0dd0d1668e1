import { S3KeyDecodeError } from './errors.js';
import { EventReader } from './event-shape.js';

/** One record of an S3 event notification, as Lambda delivers it (the fields Sluice reads). */
export interface S3EventRecord {
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  eventTime: string;
  eventName: string;
  s3: {
    s3SchemaVersion: string;
    configurationId?: string;
    bucket: { name: string; arn: string; ownerIdentity?: { principalId: string } };
    /** `key` is URL-encoded the way HTML forms are: spaces as `+`, the rest as `%XX`. */
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer?: string };
  };
}

/** The event S3 sends to a Lambda function for object notifications. */
export interface S3Event {
  Records: S3EventRecord[];
}

/** An object named by an S3 event, with its key decoded. */
export interface S3ObjectRef {
  bucket: string;
  /** The decoded key, ready for `GetObject`: `raw/my file+1.csv`. */
  key: string;
  /** The key exactly as the event carried it: `raw/my+file%2B1.csv`. */
  rawKey: string;
  /** Absent on `ObjectRemoved` events. */
  size?: number;
  eTag?: string;
  versionId?: string;
  /** Orders events for the same key: compare as hex strings of equal length. */
  sequencer?: string;
  eventName: string;
  eventTime: string;
  region: string;
}

/**
 * Decodes a key from an S3 event: `+` is a space and `%XX` a UTF-8 byte (`%2B` is a literal `+`).
 *
 * @example decodeS3Key('raw/caf%C3%A9+menu%2B1.csv') // 'raw/café menu+1.csv'
 */
export function decodeS3Key(rawKey: string): string {
  try {
    return decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch (error) {
    throw new S3KeyDecodeError(rawKey, { cause: error });
  }
}

/** Which keys a pipeline listens to, as in an S3 notification filter. */
export interface S3KeyFilter {
  /** Case-sensitive, like S3's own filter; end it with `/` to mean a folder (`raw/`, not `rawdata/`). */
  prefix?: string;
  /** Case-insensitive, so `.csv` also matches `ORDERS.CSV`. */
  suffix?: string;
}

/**
 * Whether a decoded key passes a prefix/suffix filter.
 *
 * @example
 * matchesS3Key('raw/orders.CSV', { prefix: 'raw/', suffix: '.csv' }) // true
 * matchesS3Key('rawdata/orders.csv', { prefix: 'raw/', suffix: '.csv' }) // false
 */
export function matchesS3Key(key: string, filter: S3KeyFilter): boolean {
  if (filter.prefix !== undefined && !key.startsWith(filter.prefix)) return false;
  if (filter.suffix === undefined) return true;
  return key.toLowerCase().endsWith(filter.suffix.toLowerCase());
}

/**
 * Reads one record of an S3 event. Throws `LambdaEventShapeError` if it is not an S3 record and
 * `S3KeyDecodeError` if its key is not valid URL encoding.
 *
 * @example const object = parseS3Record(event.Records[0]);
 */
export function parseS3Record(record: unknown, path = 'Records[0]'): S3ObjectRef {
  return readS3Record(new EventReader('S3', path, record), decodeS3Key);
}

/** Reads an S3 record, decoding its key with `decodeKey`. */
export function readS3Record(reader: EventReader, decodeKey: (rawKey: string) => string): S3ObjectRef {
  const s3 = reader.object('s3');
  const object = s3.object('object');
  const rawKey = object.string('key');
  return {
    bucket: s3.object('bucket').string('name'),
    key: decodeKey(rawKey),
    rawKey,
    size: object.optionalNumber('size'),
    eTag: object.optionalString('eTag'),
    versionId: object.optionalString('versionId'),
    sequencer: object.optionalString('sequencer'),
    eventName: reader.string('eventName'),
    eventTime: reader.string('eventTime'),
    region: reader.string('awsRegion'),
  };
}

/**
 * Reads every object named by an S3 event.
 *
 * @example
 * export const handler = async (event: S3Event) => {
 *   for (const { bucket, key } of parseS3Event(event)) await process(bucket, key);
 * };
 */
export function parseS3Event(event: unknown): S3ObjectRef[] {
  return s3EventRecords(event).map((record) => parseS3Record(record.value, record.path));
}

/** The raw records of an S3 event with their paths, for callers that parse them one by one. */
export function s3EventRecords(event: unknown): EventReader[] {
  return new EventReader('S3', '', event).array('Records');
}
