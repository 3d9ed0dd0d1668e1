import { encodeJsonLines } from '@sluice/core/codecs';
import { type Rejection, type RunReport, RunTally } from '@sluice/core/outcome';
import type { ObjectStore } from '@sluice/core/storage';
import { writeDataset } from '@sluice/sinks/dataset';
import type { ParquetSchema } from '@sluice/sinks/parquet';
import { type BotEvent, readBotEvent } from '@sluice/transforms/bots';
import { readEventRows } from '../event-rows.js';
import { KEYS } from '../layout.js';

/** The events as Parquet: ids stay strings (19 digits exceed 2^53); `date` names the partition folder. */
export const EVENTS_PARQUET: ParquetSchema = {
  event_time: 'timestamp',
  event_type: 'string',
  product_id: 'string',
  category_id: 'string',
  category_code: 'string',
  brand: 'string',
  price: 'double',
  user_id: 'string',
  user_session: 'string',
  date: 'string',
};

/** What {@link writeEventsDataset} did. */
export interface EventsDatasetResult {
  /** kept = rows in Parquet files; rejected by reason (unreadable line, schema, partition value). */
  report: RunReport;
  files: string[];
}

/**
 * The batch path's first step (the Glue job of the seed): reads the raw events CSV, validates each
 * row, writes the good ones as Parquet partitioned by event date (replacing an earlier run's files)
 * and the bad ones, with file and line, to the quarantine.
 *
 * @example const { report } = await writeEventsDataset(new LocalObjectStore('out/ecommerce-events'));
 */
export async function writeEventsDataset(store: ObjectStore, rawKey: string = KEYS.rawEvents) {
  const tally = new RunTally();
  const rejections: Rejection[] = [];
  const written = await writeDataset({
    store,
    prefix: KEYS.eventsDataset,
    format: 'parquet',
    parquet: { schema: EVENTS_PARQUET },
    partitionBy: ['date'],
    mode: 'overwrite',
    records: parquetRows(await store.get(rawKey), rawKey, rejections),
  });
  rejections.push(...written.rejected);
  tally.keep(written.rows);
  for (const rejection of rejections) tally.reject(rejection.reason);
  if (rejections.length > 0) await store.put(KEYS.batchQuarantine, encodeJsonLines(rejections));
  else await store.delete(KEYS.batchQuarantine);
  return { report: tally.report(), files: written.files.map((f) => f.key) } satisfies EventsDatasetResult;
}

async function* parquetRows(input: AsyncIterable<Uint8Array>, file: string, rejections: Rejection[]) {
  for await (const row of readEventRows(input, file)) {
    const record = row.ok ? readBotEvent(row.value, row.position) : row;
    if (record.ok) yield parquetRow(record.value);
    else rejections.push(record.rejection);
  }
}

function parquetRow(event: BotEvent): Record<string, unknown> {
  const time = new Date(event.event_time);
  const { ip: _ip, ...columns } = event;
  return { ...columns, event_time: time, date: time.toISOString().slice(0, 10) };
}
