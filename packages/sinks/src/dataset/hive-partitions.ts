import type { Row } from '../formats/file-format.js';

/** The folder name Hive, Athena and Spark use for a null or empty partition value. */
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

// Hive's FileUtils.escapePathName escapes these (and control characters) as %XX.
const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\x7F', '{', '[', ']', '^']);

/**
 * Escapes a partition key or value the way Hive does, so Athena and Spark find the same folder.
 *
 * @example escapeHivePathName('2025-01-31 10:00') // '2025-01-31 10%3A00'
 */
export function escapeHivePathName(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    escaped +=
      ESCAPED.has(char) || code < 0x20 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : char;
  }
  return escaped;
}

/** The partition a row belongs to: its `key=value/` folder path and the row without those keys. */
export interface PartitionedRow {
  path: string;
  values: Record<string, string>;
  row: Row;
}

/**
 * Splits rows into their partition folder and their data, or says why a partition value is
 * unusable. Rows come in runs of the same partition: each distinct set of values is escaped into
 * its folder once (the folders of a bounded number of value sets are kept).
 */
export function rowPartitioner(partitionBy: readonly string[]): (row: Row) => PartitionedRow | string {
  if (partitionBy.length === 0) return (row) => ({ path: '', values: {}, row });
  const folders = new Map<string, Pick<PartitionedRow, 'path' | 'values'>>();
  const folderFor = (id: string, values: readonly string[]) => {
    let folder = folders.get(id);
    if (!folder) {
      if (folders.size >= 4096) folders.clear();
      folder = folderOf(partitionBy, values);
      folders.set(id, folder);
    }
    return folder;
  };
  const [only] = partitionBy;
  // One partition column (the usual `date=…/`): its value is the folder's id, no list to build.
  if (partitionBy.length === 1 && only !== undefined) {
    return (row) => {
      const value = partitionValue(row[only]);
      if (value === undefined) return unusable(only, row);
      const { path, values } = folderFor(value, [value]);
      return { path, values, row: withoutKey(row, only) };
    };
  }
  return (row) => {
    const values: string[] = [];
    for (const key of partitionBy) {
      const value = partitionValue(row[key]);
      if (value === undefined) return unusable(key, row);
      values.push(value);
    }
    const { path, values: named } = folderFor(JSON.stringify(values), values);
    return { path, values: named, row: withoutKeys(row, partitionBy) };
  };
}

const unusable = (key: string, row: Row) =>
  `partition column "${key}" holds ${typeof row[key]}, not a scalar`;

function folderOf(partitionBy: readonly string[], values: readonly string[]) {
  const named: Record<string, string> = {};
  let path = '';
  for (const [i, key] of partitionBy.entries()) {
    const value = values[i] as string;
    named[key] = value;
    path += `${escapeHivePathName(key)}=${value === '' ? HIVE_DEFAULT_PARTITION : escapeHivePathName(value)}/`;
  }
  return { path, values: named };
}

function partitionValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  // A Date partitions by its UTC calendar day, the usual `date=YYYY-MM-DD` layout.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function withoutKey(row: Row, left: string): Row {
  const data: Record<string, unknown> = {};
  for (const key in row) if (key !== left) data[key] = row[key];
  return data;
}

function withoutKeys(row: Row, keys: readonly string[]): Row {
  const data: Record<string, unknown> = {};
  for (const key in row) if (!keys.includes(key)) data[key] = row[key];
  return data;
}
