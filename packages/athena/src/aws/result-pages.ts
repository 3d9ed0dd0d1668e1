import type { AthenaCalls } from './athena-calls.js';
import { decodeRow, type ResultColumn, resultColumns } from './decode.js';

/** One GetQueryResults page, decoded. */
export interface ResultPage {
  columns: ResultColumn[];
  rows: Record<string, unknown>[];
}

/**
 * Pages through GetQueryResults, yielding decoded rows page by page so memory stays bounded by
 * the page size. The first row of the first page of a DML query repeats the column names and is
 * skipped; DDL and utility statements (SHOW, DESCRIBE) have no such header.
 */
export async function* resultPages(
  calls: AthenaCalls,
  queryId: string,
  statementType: string | undefined,
  signal?: AbortSignal,
): AsyncGenerator<ResultPage> {
  let nextToken: string | undefined;
  let columns: ResultColumn[] | undefined;
  let first = true;
  do {
    signal?.throwIfAborted();
    const page = await calls.results(queryId, nextToken, signal);
    columns ??= resultColumns(page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []);
    const rows = page.ResultSet?.Rows ?? [];
    const data = first && statementType !== 'DDL' && statementType !== 'UTILITY' ? rows.slice(1) : rows;
    yield { columns, rows: data.map((row) => decodeRow(row, columns ?? [])) };
    first = false;
    nextToken = page.NextToken;
  } while (nextToken);
}
