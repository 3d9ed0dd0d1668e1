import { athenaColumnNames } from './column-names.js';
import { parseCsvSample } from './csv-sample.js';
import type { ColumnDefinition } from './table-definition.js';

export interface InferSchemaOptions {
  /** Delimiter of a CSV text sample; default `,`. */
  delimiter?: string;
  /**
   * How fixed-point numbers are typed. `double` (default) is what the Glue crawler does; `decimal`
   * types a column whose values all have at most a few fraction digits (money: `19.99`) as
   * `decimal(p,s)`, so sums are exact.
   */
  numbers?: 'double' | 'decimal';
}

/** Inferred columns, with the header or key each came from. */
export interface InferredSchema {
  columns: ColumnDefinition[];
  /** `sourceNames[i]` is the original header/key of `columns[i]`. */
  sourceNames: string[];
}

// `wide`: an integer beyond bigint's range (a 20-digit id); typed decimal(38,0) so no digit is lost.
type Kind = 'bigint' | 'wide' | 'double' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'string' | 'nested';

/**
 * Does the Glue crawler's job on a sample: names normalised to Athena-safe lower case (deduplicated),
 * types chosen from bigint, double, decimal, boolean, date, timestamp and string. Nulls and empty
 * values are ignored; a column whose values disagree becomes string (bigint with double widens to
 * double). JSON arrays and objects become array<…>/struct<…>. Integers are never typed double, which
 * would round ids past 2^53: up to 2^63−1 they are bigint, up to 38 digits decimal(38,0), longer
 * ones string; integers with leading zeros (`007`) stay string.
 *
 * @example
 * inferSchema('Order ID,Amount,Order Date\n1,19.99,2025-02-01\n').columns
 * // [{ name: 'order_id', type: 'bigint' }, { name: 'amount', type: 'double' }, { name: 'order_date', type: 'date' }]
 */
export function inferSchema(
  sample: string | readonly Readonly<Record<string, unknown>>[],
  options: InferSchemaOptions = {},
): InferredSchema {
  const { headers, rows } = typeof sample === 'string' ? csvTable(sample, options) : recordTable(sample);
  const names = athenaColumnNames(headers);
  const columns = headers.map((_, index) => ({
    name: names[index] as string,
    type: columnType(
      rows.map((row) => row[index]),
      options,
    ),
  }));
  return { columns, sourceNames: [...headers] };
}

function csvTable(text: string, options: InferSchemaOptions): { headers: string[]; rows: unknown[][] } {
  const [headers = [], ...rows] = parseCsvSample(text, options.delimiter);
  return { headers, rows };
}

function recordTable(records: readonly Readonly<Record<string, unknown>>[]) {
  const headers = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { headers, rows: records.map((record) => headers.map((key) => record[key])) };
}

function columnType(values: readonly unknown[], options: InferSchemaOptions): string {
  const present = values.filter(
    (v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''),
  );
  if (present.some((v) => typeof v === 'object')) return nestedType(present, options);
  const kinds = new Set(present.map(kindOf));
  const kind = mergeKinds(kinds, options);
  if (kind === 'wide') return WIDE_INTEGER;
  return kind === 'decimal' ? decimalType(present) : kind;
}

const WIDE_INTEGER = 'decimal(38,0)';

function mergeKinds(kinds: ReadonlySet<Kind>, options: InferSchemaOptions): Exclude<Kind, 'nested'> {
  if (kinds.size === 0) return 'string';
  if (kinds.size === 1) {
    const [only] = kinds;
    return only === 'nested' || only === undefined
      ? 'string'
      : only === 'decimal'
        ? numberKind(options)
        : only;
  }
  if (kinds.has('wide')) return [...kinds].every((k) => k === 'bigint' || k === 'wide') ? 'wide' : 'string';
  const numeric = [...kinds].every((k) => k === 'bigint' || k === 'double' || k === 'decimal');
  if (!numeric) return 'string';
  return kinds.has('double') ? 'double' : numberKind(options);
}

function numberKind(options: InferSchemaOptions): 'double' | 'decimal' {
  return options.numbers === 'decimal' ? 'decimal' : 'double';
}

const INTEGER = /^[+-]?(0|[1-9]\d*)$/;
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;
const FIXED_POINT = /^[+-]?\d+\.\d{1,6}$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

function kindOf(value: unknown): Kind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'bigint') return integerKind(value);
  // A JSON integer past 2^53 was already rounded by JSON.parse; it still is an integer, not a double.
  if (typeof value === 'number') return Number.isInteger(value) ? integerKind(BigInt(value)) : 'double';
  if (typeof value !== 'string') return 'string';
  return kindOfText(value.trim());
}

function kindOfText(text: string): Kind {
  // Leading zeros mark codes (zip, account ids): a number type would lose them.
  if (/^[+-]?0\d/.test(text)) return 'string';
  if (INTEGER.test(text)) return integerKind(BigInt(text));
  if (FIXED_POINT.test(text)) return 'decimal';
  if (DOUBLE.test(text)) return 'double';
  if (/^(true|false)$/i.test(text)) return 'boolean';
  if (DATE.test(text) && isCalendarDate(text)) return 'date';
  if (TIMESTAMP.test(text) && isCalendarDate(text.slice(0, 10))) return 'timestamp';
  return 'string';
}

function integerKind(value: bigint): Kind {
  if (value >= BIGINT_MIN && value <= BIGINT_MAX) return 'bigint';
  return value.toString().replace('-', '').length <= 38 ? 'wide' : 'string';
}

function isCalendarDate(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso);
}

// Precision covers the widest integer part seen plus the scale, so every sampled value fits.
function decimalType(values: readonly unknown[]): string {
  let integerDigits = 1;
  let scale = 0;
  for (const value of values) {
    const [whole = '', fraction = ''] = String(value).trim().replace(/^[+-]/, '').split('.');
    integerDigits = Math.max(integerDigits, whole.replace(/^0+(?=\d)/, '').length);
    scale = Math.max(scale, fraction.length);
  }
  return `decimal(${Math.min(38, integerDigits + scale + 2)},${scale})`;
}

function nestedType(values: readonly unknown[], options: InferSchemaOptions): string {
  if (values.every(Array.isArray)) return `array<${columnType(values.flat(), options)}>`;
  if (values.some(Array.isArray)) return 'string';
  const records = values.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  if (records.length !== values.length) return 'string';
  const { columns } = inferSchema(records, options);
  return columns.length === 0 ? 'string' : `struct<${columns.map((c) => `${c.name}:${c.type}`).join(',')}>`;
}
