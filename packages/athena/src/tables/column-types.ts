/** A parsed Athena (Hive DDL) column type. */
export type ColumnType =
  | { kind: 'primitive'; name: PrimitiveTypeName }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'varchar' | 'char'; length: number }
  | { kind: 'array'; element: ColumnType }
  | { kind: 'map'; key: ColumnType; value: ColumnType }
  | { kind: 'struct'; fields: { name: string; type: ColumnType }[] };

export type PrimitiveTypeName =
  | 'boolean'
  | 'tinyint'
  | 'smallint'
  | 'int'
  | 'bigint'
  | 'float'
  | 'double'
  | 'string'
  | 'binary'
  | 'date'
  | 'timestamp';

const PRIMITIVES: Readonly<Record<string, PrimitiveTypeName>> = {
  boolean: 'boolean',
  tinyint: 'tinyint',
  smallint: 'smallint',
  int: 'int',
  integer: 'int',
  bigint: 'bigint',
  float: 'float',
  real: 'float',
  double: 'double',
  string: 'string',
  binary: 'binary',
  date: 'date',
  timestamp: 'timestamp',
};

/**
 * Parses an Athena DDL column type (`bigint`, `decimal(10,2)`, `array<struct<a:int>>`); returns
 * undefined when the text is not one.
 *
 * @example parseColumnType('map<string,array<int>>')?.kind // 'map'
 */
export function parseColumnType(text: string): ColumnType | undefined {
  const tokens = text.toLowerCase().match(/[a-z_][a-z0-9_]*|\d+|[<>(),:]/g) ?? [];
  if (tokens.join('') !== text.toLowerCase().replace(/\s+/g, '')) return undefined;
  const cursor = { tokens, at: 0 };
  const type = readType(cursor);
  return type && cursor.at === tokens.length ? type : undefined;
}

interface Cursor {
  tokens: string[];
  at: number;
}

function take(cursor: Cursor, expected?: string): string | undefined {
  const token = cursor.tokens[cursor.at];
  if (token === undefined || (expected !== undefined && token !== expected)) return undefined;
  cursor.at++;
  return token;
}

function readType(cursor: Cursor): ColumnType | undefined {
  const word = take(cursor);
  if (word === undefined) return undefined;
  if (word === 'decimal') return readDecimal(cursor);
  if (word === 'varchar' || word === 'char') return readLength(cursor, word);
  if (word === 'array') return readArray(cursor);
  if (word === 'map') return readMap(cursor);
  if (word === 'struct') return readStruct(cursor);
  const name = PRIMITIVES[word];
  return name ? { kind: 'primitive', name } : undefined;
}

function readNumber(cursor: Cursor): number | undefined {
  const token = take(cursor);
  return token !== undefined && /^\d+$/.test(token) ? Number(token) : undefined;
}

function readDecimal(cursor: Cursor): ColumnType | undefined {
  if (!take(cursor, '(')) return { kind: 'decimal', precision: 10, scale: 0 };
  const precision = readNumber(cursor);
  const scale = take(cursor, ',') ? readNumber(cursor) : 0;
  if (!take(cursor, ')') || precision === undefined || scale === undefined) return undefined;
  if (precision < 1 || precision > 38 || scale > precision) return undefined;
  return { kind: 'decimal', precision, scale };
}

function readLength(cursor: Cursor, kind: 'varchar' | 'char'): ColumnType | undefined {
  if (!take(cursor, '(')) return undefined;
  const length = readNumber(cursor);
  return take(cursor, ')') && length !== undefined && length > 0 ? { kind, length } : undefined;
}

function readArray(cursor: Cursor): ColumnType | undefined {
  if (!take(cursor, '<')) return undefined;
  const element = readType(cursor);
  return element && take(cursor, '>') ? { kind: 'array', element } : undefined;
}

function readMap(cursor: Cursor): ColumnType | undefined {
  if (!take(cursor, '<')) return undefined;
  const key = readType(cursor);
  if (!key || !take(cursor, ',')) return undefined;
  const value = readType(cursor);
  return value && take(cursor, '>') ? { kind: 'map', key, value } : undefined;
}

function readStruct(cursor: Cursor): ColumnType | undefined {
  if (!take(cursor, '<')) return undefined;
  const fields: { name: string; type: ColumnType }[] = [];
  do {
    const name = take(cursor);
    const type = name !== undefined && take(cursor, ':') ? readType(cursor) : undefined;
    if (name === undefined || !type) return undefined;
    fields.push({ name, type });
  } while (take(cursor, ','));
  return take(cursor, '>') ? { kind: 'struct', fields } : undefined;
}

/**
 * The canonical Athena DDL spelling of a type (lower-case, no spaces).
 *
 * @example formatColumnType(parseColumnType('ARRAY< INT >')!) // 'array<int>'
 */
export function formatColumnType(type: ColumnType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'varchar':
    case 'char':
      return `${type.kind}(${type.length})`;
    case 'array':
      return `array<${formatColumnType(type.element)}>`;
    case 'map':
      return `map<${formatColumnType(type.key)},${formatColumnType(type.value)}>`;
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${formatColumnType(f.type)}`).join(',')}>`;
  }
}

const DUCKDB_PRIMITIVES: Readonly<Record<PrimitiveTypeName, string>> = {
  boolean: 'BOOLEAN',
  tinyint: 'TINYINT',
  smallint: 'SMALLINT',
  int: 'INTEGER',
  bigint: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  string: 'VARCHAR',
  binary: 'BLOB',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/**
 * The DuckDB type with the same values as an Athena column type.
 *
 * @example toDuckDbType(parseColumnType('array<decimal(10,2)>')!) // 'DECIMAL(10,2)[]'
 */
export function toDuckDbType(type: ColumnType): string {
  switch (type.kind) {
    case 'primitive':
      return DUCKDB_PRIMITIVES[type.name];
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'varchar':
    case 'char':
      return 'VARCHAR';
    case 'array':
      return `${toDuckDbType(type.element)}[]`;
    case 'map':
      return `MAP(${toDuckDbType(type.key)}, ${toDuckDbType(type.value)})`;
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `"${f.name}" ${toDuckDbType(f.type)}`).join(', ')})`;
  }
}
