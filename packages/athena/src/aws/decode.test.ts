import type { ColumnInfo, Row } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import { parseAthenaText } from './athena-text.js';
import { decodeRow, resultColumns } from './decode.js';
import { AthenaDecodeError } from './errors.js';

function decode(type: string, text: string | undefined): unknown {
  const columns = resultColumns([{ Name: 'V', Type: type } as ColumnInfo]);
  const row: Row = { Data: [text === undefined ? {} : { VarCharValue: text }] };
  return decodeRow(row, columns).v;
}

describe('decoding Athena result values', () => {
  it.each([
    ['varchar', 'hello', 'hello'],
    ['char', 'ab ', 'ab '],
    ['string', '', ''],
    ['tinyint', '-7', -7],
    ['smallint', '300', 300],
    ['integer', '2147483647', 2147483647],
    ['bigint', '9007199254740991', 9007199254740991],
    ['bigint', '9007199254740993', 9007199254740993n],
    ['bigint', '-9223372036854775808', -9223372036854775808n],
    ['double', '1.5E10', 1.5e10],
    ['double', 'Infinity', Number.POSITIVE_INFINITY],
    ['double', '-Infinity', Number.NEGATIVE_INFINITY],
    ['real', '0.25', 0.25],
    ['float', '3.0', 3],
    ['decimal', '12345678901234567.89', '12345678901234567.89'],
    ['decimal(10,2)', '0.10', '0.10'],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['date', '2024-02-29', '2024-02-29'],
    ['json', '{"a":[1,null]}', { a: [1, null] }],
    ['time', '10:11:12', '10:11:12'],
  ])('%s %j', (type, text, expected) => {
    expect(decode(type, text)).toEqual(expected);
  });

  it('decodes NaN doubles', () => {
    expect(decode('double', 'NaN')).toBeNaN();
  });

  it('decodes a missing VarCharValue as NULL, whatever the type', () => {
    for (const type of ['varchar', 'bigint', 'double', 'boolean', 'date', 'timestamp', 'array', 'json']) {
      expect(decode(type, undefined)).toBeNull();
    }
  });

  it('decodes timestamps as UTC Dates, truncating beyond milliseconds', () => {
    expect(decode('timestamp', '2025-01-02 03:04:05.678')).toEqual(new Date('2025-01-02T03:04:05.678Z'));
    expect(decode('timestamp(6)', '2025-01-02 03:04:05.123456')).toEqual(
      new Date('2025-01-02T03:04:05.123Z'),
    );
    expect(decode('timestamp', '2025-01-02 03:04:05')).toEqual(new Date('2025-01-02T03:04:05Z'));
  });

  it('decodes timestamp with time zone in UTC, offsets and named zones', () => {
    const type = 'timestamp with time zone';
    expect(decode(type, '2025-01-02 03:04:05.000 UTC')).toEqual(new Date('2025-01-02T03:04:05Z'));
    expect(decode(type, '2025-01-02 03:04:05.000 +01:00')).toEqual(new Date('2025-01-02T02:04:05Z'));
    expect(decode(type, '2025-07-01 12:00:00.000 Europe/Berlin')).toEqual(new Date('2025-07-01T10:00:00Z'));
    expect(decode(type, '2025-01-01 12:00:00.000 America/New_York')).toEqual(
      new Date('2025-01-01T17:00:00Z'),
    );
  });

  it('decodes arrays, maps and rows from their text form', () => {
    expect(decode('array', '[a, b, null]')).toEqual(['a', 'b', null]);
    expect(decode('array', '[]')).toEqual([]);
    expect(decode('map', '{k1=v1, k2=v2}')).toEqual({ k1: 'v1', k2: 'v2' });
    expect(decode('row', '{id=1, name=x, tags=[t1, t2], inner={a=b}}')).toEqual({
      id: '1',
      name: 'x',
      tags: ['t1', 't2'],
      inner: { a: 'b' },
    });
    expect(decode('array(row(a integer))', '[{a=1}, {a=2}]')).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it('lower-cases column names', () => {
    expect(resultColumns([{ Name: 'OrderID', Type: 'bigint' } as ColumnInfo])[0]?.name).toBe('orderid');
  });

  it.each([
    ['bigint', 'abc'],
    ['integer', '1.5'],
    ['double', 'fast'],
    ['boolean', 'yes'],
    ['date', '02/03/2025'],
    ['timestamp', 'yesterday'],
    ['json', '{broken'],
    ['array', '[a, b'],
  ])('raises AthenaDecodeError naming the column for %s %j', (type, text) => {
    expect(() => decode(type, text)).toThrow(AthenaDecodeError);
    expect(() => decode(type, text)).toThrow(/column v/);
  });

  it('rejects trailing text after a complex value', () => {
    expect(() => parseAthenaText('[a]x')).toThrow(SyntaxError);
  });
});
