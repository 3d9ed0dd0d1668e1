import { type CsvInput, openCsvScan } from '@sluice/core/codecs';
import type { SourceRecord } from '@sluice/core/outcome';
import { botEventRow, findBotEventColumns } from '@sluice/transforms/bots';

/** A CSV row as event field name → text, before validation. */
export type EventRow = Record<string, string>;

/**
 * Reads an events CSV as rows keyed by event field name (header names match by normalised name,
 * so `User ID` is `user_id`), each positioned by file and line; unreadable lines (ragged,
 * unterminated quotes) arrive as rejections, never end the read. A file without a column the
 * event schema requires fails at once, naming the file and the column.
 *
 * @example for await (const row of readEventRows(await store.get('raw/events.csv'), 'raw/events.csv')) …
 */
export async function* readEventRows(input: CsvInput, file: string): AsyncGenerator<SourceRecord<EventRow>> {
  for await (const rows of readEventRowChunks(input, file)) yield* rows;
}

/**
 * {@link readEventRows} a read of the file at a time: the rows of each chunk of input, in order,
 * for a consumer that takes many rows per promise (the local Kinesis runner).
 *
 * @example for await (const rows of readEventRowChunks(await store.get('raw/events.csv'), 'raw/events.csv')) …
 */
export async function* readEventRowChunks(
  input: CsvInput,
  file: string,
): AsyncGenerator<SourceRecord<EventRow>[]> {
  const scan = await openCsvScan(input, { file });
  try {
    const columns = await scan.closedOnError(() => findBotEventColumns(scan, file));
    let rows: SourceRecord<EventRow>[] = [];
    scan.start(
      {
        record: (record) => {
          const position = { kind: 'file' as const, file, line: record.line };
          rows.push({ ok: true, value: botEventRow(columns, record.fields), position });
          return 'keep';
        },
      },
      { onRejected: (rejection) => rows.push({ ok: false, rejection }) },
    );
    for (let more = true; more; ) {
      more = await scan.step();
      if (rows.length > 0) yield rows;
      rows = [];
    }
  } finally {
    await scan.close();
  }
}
