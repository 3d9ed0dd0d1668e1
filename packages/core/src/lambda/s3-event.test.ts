import { describe, expect, it } from 'vitest';
import { LambdaEventShapeError, S3KeyDecodeError } from './errors.js';
import invalidKey from './fixtures/events/s3/key-invalid-percent-encoding.json' with { type: 'json' };
import encodedKeys from './fixtures/events/s3/keys-plus-percent-encoded.json' with { type: 'json' };
import put from './fixtures/events/s3/object-created-put.json' with { type: 'json' };
import { decodeS3Key, matchesS3Key, parseS3Event, parseS3Record } from './s3-event.js';

describe('parseS3Event', () => {
  it('reads bucket, key, size, eTag and sequencer of a put event', () => {
    expect(parseS3Event(put)).toEqual([
      {
        bucket: 'sluice-orders-bucket',
        key: 'raw/orders-2025-01.csv',
        rawKey: 'raw/orders-2025-01.csv',
        size: 1305107,
        eTag: 'b21b84d653bb07b05b1e6b33684dc11b',
        versionId: undefined,
        sequencer: '0C0F6F405D6ED209E1',
        eventName: 'ObjectCreated:Put',
        eventTime: '2019-09-03T19:37:27.192Z',
        region: 'us-east-1',
      },
    ]);
  });

  it('decodes `+` as a space and %XX as UTF-8, so %2B stays a literal plus', () => {
    const keys = parseS3Event(encodedKeys).map((object) => object.key);
    expect(keys).toEqual(['raw/café menu +1.csv', 'raw/ORDERS Q1.CSV', 'rawdata/orders.csv']);
  });

  it('throws a typed error naming the key when it is not valid URL encoding', () => {
    expect(() => parseS3Record(invalidKey.Records[0])).toThrow(S3KeyDecodeError);
    expect(() => parseS3Record(invalidKey.Records[0])).toThrow('raw/bad%E9key.csv');
  });

  it('names the trigger and the path when the event is not an S3 event', () => {
    const sqsLike = { Records: [{ messageId: 'm-1', body: '{}' }] };
    expect(() => parseS3Event(sqsLike)).toThrow(LambdaEventShapeError);
    expect(() => parseS3Event(sqsLike)).toThrow('S3 event: Records[0].s3 is missing');
    expect(() => parseS3Event({})).toThrow('Records is missing or not an array');
  });
});

describe('decodeS3Key', () => {
  it.each(
    Object.entries({
      'raw/my+file.csv': 'raw/my file.csv',
      'raw/a%2Bb.csv': 'raw/a+b.csv',
      'raw/caf%C3%A9.csv': 'raw/café.csv',
      'raw/100%25+done.csv': 'raw/100% done.csv',
      'raw/plain.csv': 'raw/plain.csv',
    }),
  )('%s → %s', (raw, decoded) => {
    expect(decodeS3Key(raw)).toBe(decoded);
  });
});

describe('matchesS3Key', () => {
  const filter = { prefix: 'raw/', suffix: '.csv' };

  it.each([
    ['raw/orders.csv', true],
    ['raw/ORDERS.CSV', true],
    ['raw/2025/01/orders.Csv', true],
    ['rawdata/orders.csv', false],
    ['processed/raw/orders.csv', false],
    ['RAW/orders.csv', false],
    ['raw/orders.csv.gz', false],
    ['raw/orders.json', false],
  ])('%s matches raw/ + .csv: %s', (key, expected) => {
    expect(matchesS3Key(key, filter)).toBe(expected);
  });

  it('accepts every key when the filter is empty', () => {
    expect(matchesS3Key('anything', {})).toBe(true);
  });
});
