import type { ColumnInfo, Row } from '@aws-sdk/client-athena';
import { parseAthenaText } from './athena-text.js';
import { AthenaDecodeError } from './errors.js';
import { parseAthenaTimestamp } from './timestamps.js';

type Decoder = (text: string) => unknown;

/** A result column: lower-case name, Athena type, and how to decode its text values. */
export interface ResultColumn {
  name: string;
  type: string;
  decode: Decoder;
}

const DOUBLE_WORDS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

const DECODERS: Record<string, Decoder> = {
  tinyint: decodeInteger,
  smallint: decodeInteger,
  integer: decodeInteger,
  int: decodeInteger,
  bigint: decodeBigint,
  double: decodeDouble,
  float: decodeDouble,
  real: decodeDouble,
  // Exact: a JS number would round 12345678901234567.89; callers convert when they can afford it.
  decimal: (text) => text,
  boolean: decodeBoolean,
  date: (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined),
  timestamp: parseAthenaTimestamp,
  'timestamp with time zone': parseAthenaTimestamp,
  array: parseAthenaText,
  map: parseAthenaText,
  row: parseAthenaText,
  json: (text) => JSON.parse(text),
};

/**
 * Builds one decoder per column from `ResultSetMetadata.ColumnInfo`. Types without a decoder
 * (varchar, char, string, time, varbinary, interval, uuid…) stay strings.
 *
 * @example const columns = resultColumns(page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []);
 */
export function resultColumns(info: readonly ColumnInfo[]): ResultColumn[] {
  return info.map((column) => {
    const name = (column.Name ?? '').toLowerCase();
    const type = (column.Type ?? 'varchar').toLowerCase();
    const decoder = DECODERS[baseType(type)] ?? ((text: string) => text);
    return { name, type, decode: guarded(name, type, decoder) };
  });
}

/**
 * Turns one result row into a plain object keyed by column name; a missing `VarCharValue` is NULL.
 *
 * @example decodeRow({ Data: [{ VarCharValue: '42' }, {}] }, columns) // { orderid: 42, amount: null }
 */
export function decodeRow(row: Row, columns: readonly ResultColumn[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const text = row.Data?.[i]?.VarCharValue;
    record[column.name] = text === undefined ? null : column.decode(text);
  });
  return record;
}

// `decimal(10,2)`, `varchar(20)`, `timestamp(3)`, `array(integer)` → the name before the parenthesis.
function baseType(type: string): string {
  const paren = type.indexOf('(');
  return (paren < 0 ? type : type.slice(0, paren)).trim();
}

function guarded(name: string, type: string, decode: Decoder): Decoder {
  return (text) => {
    let value: unknown;
    try {
      value = decode(text);
    } catch {
      value = undefined;
    }
    if (value === undefined) throw new AthenaDecodeError(name, type, text);
    return value;
  };
}

function decodeInteger(text: string): number | undefined {
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function decodeBigint(text: string): number | bigint | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
  return safe ? Number(value) : value;
}

function decodeDouble(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = DOUBLE_WORDS[text] ?? Number(text);
  return Number.isNaN(value) && text !== 'NaN' ? undefined : value;
}

function decodeBoolean(text: string): boolean | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}
