import type { DuckDBResult } from '@duckdb/node-api';
import { trinoTypeName } from './duckdb-types.js';
import { decodeDuckDbValue } from './duckdb-values.js';

/** Result columns as the port reports them: lower-case names, Athena/Trino type names. */
export type ResultColumns = { name: string; type: string }[];

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
 * Yields decoded rows one DuckDB chunk at a time, so memory holds one chunk (2048 rows) at most.
 * The signal is checked between chunks; an abort rejects with its reason.
 *
 * @example for await (const row of readRows(result, signal)) console.log(row.orderid);
 */
export async function* readRows(
  result: DuckDBResult,
  signal?: AbortSignal,
): AsyncGenerator<Record<string, unknown>> {
  const names = resultColumns(result).map((c) => c.name);
  const types = result.columnTypes();
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    signal?.throwIfAborted();
    for (const values of chunk.getRows()) {
      signal?.throwIfAborted();
      const row: Record<string, unknown> = {};
      values.forEach((value, i) => {
        row[names[i] as string] = decodeDuckDbValue(value, types[i] as (typeof types)[number]);
      });
      yield row;
    }
  }
}
