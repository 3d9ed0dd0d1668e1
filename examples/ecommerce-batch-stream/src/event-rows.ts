import { type CsvInput, openCsv } from '@sluice/core/codecs';
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
  const csv = await openCsv(input, { file });
  const columns = findBotEventColumns(csv, file);
  for await (const record of csv.records) {
    if (!record.ok) yield record;
    else yield { ok: true, value: botEventRow(columns, record.value.fields), position: record.position };
  }
}
