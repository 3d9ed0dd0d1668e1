import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import {
  assertIdentifier,
  type ColumnDefinition,
  defineTable,
  inferSchema,
  type TableDefinition,
  type TableFormat,
} from '@sluice/athena';
import { createDuckDbEngine, type DuckDbEngine } from '@sluice/athena/duckdb';
import { required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UnreadableInputError, UsageError } from '../errors.js';

/** How much of a file is read to infer its columns, as a crawler samples. */
const SAMPLE_BYTES = 64 * 1024;

const FORMATS: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.json': 'json',
  '.parquet': 'parquet',
};

export interface TableArgument {
  name: string;
  path: string;
}

/**
 * `sluice query`: Athena SQL over local files on the embedded DuckDB engine.
 *
 * @example sluice query --table orders=orders.csv --sql "SELECT count(*) AS n FROM orders"
 */
export const query: CommandRun = async ({ values }) => {
  const tables = ((values.table as string[] | undefined) ?? []).map(tableArgument);
  if (tables.length === 0) throw new UsageError('--table is required');
  const sql = required(values, 'sql');
  const engine = await createDuckDbEngine();
  try {
    for (const table of tables) await engine.registerTable(await tableOf(table, engine));
    const result = await engine.execute(sql);
    return { rows: result.rows.map(jsonSafe), stats: result.stats };
  } finally {
    await engine.close();
  }
};

export function tableArgument(text: string): TableArgument {
  const at = text.indexOf('=');
  const name = text.slice(0, Math.max(at, 0));
  const path = text.slice(at + 1);
  if (at < 0 || path === '') throw new UsageError(`--table must be NAME=PATH, got "${text}"`);
  try {
    assertIdentifier(name);
  } catch (error) {
    throw new UsageError(`--table ${text}: ${(error as Error).message}`);
  }
  return { name, path };
}

/** A table over a file, or over a folder of Hive `key=value/` partitions, typed from a sample. */
export async function tableOf(table: TableArgument, engine: DuckDbEngine): Promise<TableDefinition> {
  const info = await stat(table.path).catch((error: unknown) => {
    throw new UnreadableInputError(table.path, error);
  });
  const file = info.isDirectory() ? await firstDataFile(table.path) : table.path;
  const partitions = info.isDirectory() ? partitionNames(relative(table.path, dirname(file))) : [];
  const format = formatOf(file);
  const columns = (await columnsOf(file, format, engine)).filter((c) => !partitions.includes(c.name));
  return defineTable({
    name: table.name,
    format,
    location: table.path,
    columns,
    partitions: partitions.map((name) => ({ name, type: 'string' })),
  });
}

function formatOf(file: string): TableFormat {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) {
    const known = Object.keys(FORMATS).join(', ');
    throw new UsageError(`cannot tell the format of ${file} from its extension (${known})`);
  }
  return format;
}

/** The first data file under a folder, skipping `_` and `.` files as Athena does. */
async function firstDataFile(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split(sep)
          .some((part) => /^[_.]/.test(part)),
    )
    .sort();
  if (!files[0]) throw new UnreadableInputError(folder, 'the folder holds no data files');
  return files[0];
}

function partitionNames(folders: string): string[] {
  return folders
    .split(sep)
    .filter((part) => part.includes('='))
    .map((part) => part.slice(0, part.indexOf('=')));
}

async function columnsOf(
  file: string,
  format: TableFormat,
  engine: DuckDbEngine,
): Promise<ColumnDefinition[]> {
  if (format === 'parquet') {
    const { columns } = await engine.execute('SELECT * FROM read_parquet(?) LIMIT 0', [file]);
    return columns.map((column) => ({ name: column.name, type: hiveType(column.type) }));
  }
  const sample = await sampleLines(file);
  const inferred = format === 'csv' ? inferSchema(sample) : inferSchema(jsonRecords(sample));
  // Dates stay text, as the Glue crawler leaves them: Athena SQL DATE_PARSEs them and compares them with strings.
  return inferred.columns.map((c) =>
    c.type === 'date' || c.type === 'timestamp' ? { ...c, type: 'string' } : c,
  );
}

async function sampleLines(file: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { end: SAMPLE_BYTES - 1 })) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const end = text.lastIndexOf('\n');
  return end < 0 ? text : text.slice(0, end + 1);
}

function jsonRecords(sample: string): Record<string, unknown>[] {
  return sample.split('\n').flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? [value as Record<string, unknown>]
        : [];
    } catch {
      return []; // the sample only types columns; DuckDB reports unreadable lines when it reads them
    }
  });
}

/** The Hive DDL type of a result column type as the engine names it (Trino names). */
function hiveType(trino: string): string {
  if (/^(varchar|char)/.test(trino)) return 'string';
  if (trino.startsWith('timestamp')) return 'timestamp';
  if (trino === 'integer') return 'int';
  if (trino === 'real') return 'float';
  if (/^(bigint|double|boolean|date|smallint|tinyint|decimal\(\d+,\d+\))$/.test(trino)) return trino;
  return 'string';
}

/** Rows as JSON can carry them: bigint beyond 2^53 as a string, timestamps as ISO 8601. */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}
