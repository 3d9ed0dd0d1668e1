import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { trinoTypeName } from './duckdb-types.js';
import { type ColumnDecoder, columnDecoder } from './duckdb-values.js';

/** Result columns as the port reports them: lower-case names, Athena/Trino type names. */
export type ResultColumns = { name: string; type: string }[];

/** A decoded row, keyed by lower-case column name. */
export type ResultRow = Record<string, unknown>;

/**
 * The columns of a DuckDB result, named as Athena would (lower-case).
 *
 * @example resultColumns(result) // [{ name: 'orderid', type: 'bigint' }]
 */
export function resultColumns(result: DuckDBResult): ResultColumns {
  const names = result.deduplicatedColumnNames();
  return result
    .columnTypes()
    .map((type, i) => ({ name: (names[i] ?? `_col${i}`).toLowerCase(), type: trinoTypeName(type) }));
}

/**
 * Yields the decoded rows of one DuckDB chunk (2048 rows at most) at a time, so memory holds one
 * chunk and the per-row cost is a plain loop rather than an async step. The signal is checked
 * between chunks; an abort rejects with its reason.
 *
 * @example for await (const rows of readRowChunks(result, signal)) console.log(rows.length);
 */
export async function* readRowChunks(
  result: DuckDBResult,
  signal?: AbortSignal,
): AsyncGenerator<ResultRow[]> {
  const names = resultColumns(result).map((c) => c.name);
  const decoders = result.columnTypes().map(columnDecoder);
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    signal?.throwIfAborted();
    yield decodeChunk(chunk, names, decoders);
  }
}

// Column by column: each vector and its decoder are looked up once per chunk, not once per value.
function decodeChunk(chunk: DuckDBDataChunk, names: string[], decoders: ColumnDecoder[]): ResultRow[] {
  const count = chunk.rowCount;
  const rows: ResultRow[] = new Array(count);
  for (let r = 0; r < count; r++) rows[r] = {};
  for (let c = 0; c < names.length; c++) {
    const vector = chunk.getColumnVector(c);
    const name = names[c] as string;
    const decode = decoders[c] as ColumnDecoder;
    for (let r = 0; r < count; r++) (rows[r] as ResultRow)[name] = decode(vector.getItem(r));
  }
  return rows;
}
