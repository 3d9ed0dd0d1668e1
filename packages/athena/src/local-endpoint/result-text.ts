/** A result column as Athena's `ResultSetMetadata.ColumnInfo` describes it. */
export interface AthenaColumnInfo {
  Name: string;
  Label: string;
  Type: string;
  Precision?: number;
  Scale?: number;
  Nullable: 'UNKNOWN';
  CaseSensitive: boolean;
}

/**
 * Athena's column info for a Trino type name: nested types report their base name only (`array`,
 * `map`, `row`), decimals their precision and scale, as the service does.
 *
 * @example columnInfo('total', 'decimal(10,2)') // { Name: 'total', Type: 'decimal', Precision: 10, Scale: 2, … }
 */
export function columnInfo(name: string, type: string): AthenaColumnInfo {
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
  const base = decimal ? 'decimal' : (/^(array|map|row)\(/.exec(type)?.[1] ?? type);
  return {
    Name: name,
    Label: name,
    Type: base,
    ...(decimal && { Precision: Number(decimal[1]), Scale: Number(decimal[2]) }),
    Nullable: 'UNKNOWN',
    CaseSensitive: base === 'varchar' || base === 'char',
  };
}

/**
 * A decoded value written back as the text Athena puts in `VarCharValue` and in its result CSV:
 * Java's double form (`2.0`, `1.0E7`), `YYYY-MM-DD HH:MM:SS.mmm` timestamps, `[a, b]` arrays and
 * `{k=v}` maps and rows. NULL has no text (`undefined`).
 *
 * @example athenaText(new Date(Date.UTC(2025, 0, 2)), 'timestamp') // '2025-01-02 00:00:00.000'
 */
export function athenaText(value: unknown, type: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (type === 'json') return typeof value === 'string' ? value : JSON.stringify(value);
  return nestedText(value, type);
}

function nestedText(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return timestampText(value, type);
  if (Array.isArray(value)) return `[${value.map((v) => nestedText(v, '')).join(', ')}]`;
  if (value instanceof Uint8Array)
    return Buffer.from(value)
      .toString('hex')
      .replace(/(..)(?!$)/g, '$1 ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${k}=${nestedText(v, '')}`).join(', ')}}`;
  }
  if (typeof value === 'number')
    return type === 'double' || type === 'real' ? javaDouble(value) : String(value);
  return String(value);
}

function timestampText(value: Date, type: string): string {
  const text = value.toISOString().replace('T', ' ').replace('Z', '');
  return type === 'timestamp with time zone' ? `${text} UTC` : text;
}

/** Java's `Double.toString`: `2.0`, `0.001`, `1.0E7`, `1.5E-4`, `NaN`, `Infinity`. */
export function javaDouble(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const size = Math.abs(value);
  if (value === 0 || (size >= 1e-3 && size < 1e7)) {
    const text = String(value);
    return text.includes('.') || text.includes('e') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** One line of Athena's result CSV: every value double-quoted, NULL as an empty unquoted field. */
export function resultCsvLine(values: readonly (string | undefined)[]): string {
  return `${values.map((v) => (v === undefined ? '' : `"${v.replaceAll('"', '""')}"`)).join(',')}\n`;
}

/**
 * The result columns as Athena types them. DuckDB's HUGEINT (what its `sum` and `count_if` of
 * integers return; reported as `decimal(38,0)`, decoded as numbers) is `bigint`, as Trino's `sum` and
 * `count_if` are; a real decimal decodes as an exact string and keeps its type.
 *
 * @example athenaColumns([{ name: 'n', type: 'decimal(38,0)' }], [{ n: 3 }]) // [{ name: 'n', type: 'bigint' }]
 */
export function athenaColumns(
  columns: readonly { name: string; type: string }[],
  rows: readonly Record<string, unknown>[],
): { name: string; type: string }[] {
  return columns.map((column) => {
    if (column.type !== 'decimal(38,0)') return column;
    const integers = rows.some(
      (row) => typeof row[column.name] === 'number' || typeof row[column.name] === 'bigint',
    );
    return integers ? { ...column, type: 'bigint' } : column;
  });
}
