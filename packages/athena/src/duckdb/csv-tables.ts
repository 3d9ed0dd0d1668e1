import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import { openCsv } from '@sluice/core/codecs';
import { parseColumnType, toDuckDbType } from '../tables/column-types.js';
import type { ColumnDefinition, TableDefinition } from '../tables/table-definition.js';
import { partitionSelect, usesLocationTemplate } from './partition-layout.js';
import { tokenizeSql } from './sql-tokens.js';
import { sqlString } from './table-registration.js';

/** A CSV row the engine could not load: which table, file and line, and why. */
export interface RejectedCsvRow {
  table: string;
  file: string;
  line: number;
  reason: string;
}

/** What one load of a CSV table read: its files as they were, rows kept and rows rejected. */
export interface CsvTableLoad {
  files: string;
  stamps: string;
  rows: number;
  rejected: RejectedCsvRow[];
}

/** CSV tables Sluice reads itself; LazySimpleSerDe keeps quotes as data, which only DuckDB's reader does. */
export function readsThroughCore(table: TableDefinition): boolean {
  return table.format === 'csv' && table.csv?.serde !== 'LazySimpleSerDe';
}

/** The DuckDB table holding a CSV table's rows as text, with the file and line of each. */
export function rawTableName(table: TableDefinition): string {
  return `__sluice_csv_${table.name}`;
}

const CHUNK_ROWS = 2048;

/**
 * Reads every file of a CSV table with core's reader (BOM, Windows-1252 bytes, blank lines, CR/CRLF,
 * quoted line breaks) into a DuckDB table of text columns, then checks each value casts to its column
 * type. Ragged rows, open quotes and values of the wrong type come back as rejections with file and line.
 *
 * @example const load = await loadCsvTable(connection, orders, await csvFilesOf(connection, glob));
 */
export async function loadCsvTable(
  connection: DuckDBConnection,
  table: TableDefinition,
  files: readonly string[],
): Promise<Omit<CsvTableLoad, 'files' | 'stamps'>> {
  const raw = `"${rawTableName(table)}"`;
  const columns = table.columns.map((c) => `"${c.name}" VARCHAR`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${raw} (filename VARCHAR, line BIGINT, ${columns})`);
  const appender = await connection.createAppender(rawTableName(table));
  const rejected: RejectedCsvRow[] = [];
  let rows = 0;
  try {
    for (const file of files) rows += await appendFile(appender, table, file, rejected);
  } finally {
    appender.closeSync();
  }
  rejected.push(...(await badValues(connection, table)));
  return { rows, rejected };
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

async function appendFile(
  appender: Appender,
  table: TableDefinition,
  file: string,
  rejected: RejectedCsvRow[],
): Promise<number> {
  const skip = table.csv?.skipHeaderLines ?? 1;
  const csv = await openCsv(createReadStream(file), {
    file,
    delimiter: table.csv?.delimiter ?? ',',
    trimHeaders: skip > 0,
  });
  const width = table.columns.length;
  const batch = new RowBatch(appender, width + 2);
  if (skip === 0 && csv.header.length > 0) batch.add(file, 1, csv.header, width);
  let extraHeaderLines = Math.max(0, skip - 1);
  for await (const record of csv.records) {
    if (!record.ok) {
      const position = record.rejection.position;
      const line = position?.kind === 'file' ? position.line : 0;
      rejected.push({ table: table.name, file, line, reason: record.rejection.message });
    } else if (extraHeaderLines > 0) extraHeaderLines--;
    else batch.add(file, record.value.line, record.value.fields, width);
  }
  batch.flush();
  return batch.total;
}

// Rows go to DuckDB a chunk of text vectors at a time: one native call per column, not per value.
class RowBatch {
  private readonly values: (string | number | null)[][];
  private size = 0;
  total = 0;

  constructor(
    private readonly appender: Appender,
    width: number,
  ) {
    this.values = Array.from({ length: width }, () => []);
  }

  add(file: string, line: number, fields: readonly string[], width: number): void {
    (this.values[0] as unknown[]).push(file);
    (this.values[1] as unknown[]).push(String(line));
    // Athena reads CSV by position: missing trailing fields are NULL, extra ones ignored.
    for (let i = 0; i < width; i++) (this.values[i + 2] as unknown[]).push(fields[i] ?? null);
    if (++this.size === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const chunk = DuckDBDataChunk.create(
      this.values.map(() => VARCHAR),
      this.size,
    );
    this.values.forEach((column, i) => {
      chunk.setColumnValues(i, column as (string | null)[]);
    });
    this.appender.appendDataChunk(chunk);
    this.total += this.size;
    for (const column of this.values) column.length = 0;
    this.size = 0;
  }
}

const MAX_BAD_VALUES = 100;

async function badValues(connection: DuckDBConnection, table: TableDefinition): Promise<RejectedCsvRow[]> {
  const typed = table.columns.filter((c) => duckDbTypeOf(c) !== 'VARCHAR');
  if (typed.length === 0) return [];
  const checks = typed.map(
    (c) =>
      `SELECT filename, line, ${sqlString(c.name)} AS col, "${c.name}" AS value, ${sqlString(c.type)} AS type FROM "${rawTableName(table)}" WHERE ${castFails(c)}`,
  );
  const reader = await connection.runAndReadAll(
    `${checks.join(' UNION ALL ')} ORDER BY filename, line LIMIT ${MAX_BAD_VALUES}`,
  );
  return reader.getRowObjectsJS().map((row) => ({
    table: table.name,
    file: String(row.filename),
    line: Number(row.line),
    reason: `column ${String(row.col)}: ${JSON.stringify(row.value)} is not a ${String(row.type)}`,
  }));
}

function castFails(column: ColumnDefinition): string {
  return `NULLIF("${column.name}", '') IS NOT NULL AND TRY_CAST("${column.name}" AS ${duckDbTypeOf(column)}) IS NULL`;
}

/**
 * The view over a loaded CSV table: the definition's columns cast from text (an empty field is NULL,
 * as DuckDB's own reader gives), then partition columns cut out of each row's file path.
 */
export function csvViewSql(table: TableDefinition, localRoot: string | undefined): string {
  const columns = [
    ...table.columns.map((c) => `CAST(NULLIF("${c.name}", '') AS ${duckDbTypeOf(c)}) AS "${c.name}"`),
    ...table.partitions.map((p) =>
      usesLocationTemplate(table) ? partitionSelect(table, p, localRoot) : hivePartition(p),
    ),
  ];
  return `CREATE OR REPLACE VIEW "${table.name}" AS SELECT ${columns.join(', ')} FROM "${rawTableName(table)}"`;
}

function hivePartition(column: ColumnDefinition): string {
  const pattern = sqlString(`[/\\\\]${column.name}=([^/\\\\]*)[/\\\\]`);
  return `CAST(NULLIF(regexp_extract(filename, ${pattern}, 1), '') AS ${duckDbTypeOf(column)}) AS "${column.name}"`;
}

function duckDbTypeOf(column: ColumnDefinition): string {
  const type = parseColumnType(column.type) ?? { kind: 'primitive', name: 'string' };
  return toDuckDbType(type);
}

/** The files a table's glob matches now, as DuckDB's own `glob()` expands it (sorted). */
export async function csvFilesOf(connection: DuckDBConnection, glob: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(`SELECT file FROM glob(${sqlString(glob)}) ORDER BY file`);
  return reader.getRowObjectsJS().map((row) => String(row.file));
}

/** Names, sizes and modification times: when these change, the table is read again. */
export async function fileStamps(files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      return `${file}:${info?.size}:${info?.mtimeMs}`;
    }),
  );
  return stamps.join('\n');
}

/**
 * The names among `tables` the SQL mentions as words or quoted identifiers: the CSV tables a query
 * may read, checked for changed files and rejected rows before it runs.
 *
 * @example referencedTables('SELECT * FROM "orders" o', ['orders', 'items']) // ['orders']
 */
export function referencedTables(sql: string, tables: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'word') names.add(token.text.toLowerCase());
    if (token.kind === 'quoted-identifier') names.add(token.text.slice(1, -1).replaceAll('""', '"'));
  }
  return [...tables].filter((name) => names.has(name));
}
