import { openCsv } from '@sluice/core/codecs';
import type { SourceRecord } from '@sluice/core/outcome';

/** A CSV row as header name → text, before validation. */
export type EventRow = Record<string, string>;

/**
 * Reads an events CSV as rows keyed by header name, each positioned by file and line; unreadable
 * lines (ragged, unterminated quotes) arrive as rejections, never end the read.
 *
 * @example for await (const row of readEventRows(await store.get('raw/events.csv'), 'raw/events.csv')) …
 */
export async function* readEventRows(
  input: AsyncIterable<Uint8Array | string>,
  file: string,
): AsyncGenerator<SourceRecord<EventRow>> {
  const csv = await openCsv(input, { file, encoding: 'utf-8' });
  for await (const record of csv.records) {
    if (!record.ok) {
      yield record;
      continue;
    }
    const row: EventRow = {};
    csv.header.forEach((name, i) => {
      row[name] = record.value.fields[i] ?? '';
    });
    yield { ok: true, value: row, position: { kind: 'file', file, line: record.value.line } };
  }
}
