import type { CsvRecord } from '@sluice/core/codecs';
import { openCsv } from '@sluice/core/codecs';
import type { Rejection, SourceRecord } from '@sluice/core/outcome';
import type { KinesisInput } from '@sluice/core/runner';
import type { ObjectStore } from '@sluice/core/storage';
import { IngestionStalledError } from '../errors.js';

/** PutRecords as the simulator sees it: the indexes of the entries the stream refused. */
export type PutRecords = (records: readonly KinesisInput[]) => Promise<{ refused: readonly number[] }>;

/** A stream that takes every record; the local runner reads what the simulator yields. */
export const acceptAll: PutRecords = async () => ({ refused: [] });

/** A slice of the raw file: the records to put, and the rows that could not become records. */
export interface IngestChunk {
  /** Data rows before this chunk. */
  from: number;
  /** Data rows in this chunk (`records.length + rejections.length`). */
  rows: number;
  records: KinesisInput[];
  rejections: Rejection[];
}

export interface CsvChunkOptions {
  /** Data rows already ingested (the checkpoint): skipped, not sent again. */
  from: number;
  size: number;
  /** Column whose value routes a record to its shard (`machine_id`, `Customer_ID`). */
  partitionKey: string;
}

/**
 * Reads the raw CSV as Kinesis-shaped records (`data` is the row as JSON keyed by trimmed header),
 * in chunks of `size` rows starting after the checkpoint. Unreadable rows are rejected with their line.
 *
 * @example for await (const chunk of csvChunks(store, 'raw/m.csv', { from: 0, size: 5000, partitionKey: 'machine_id' })) …
 */
export async function* csvChunks(
  store: ObjectStore,
  key: string,
  options: CsvChunkOptions,
): AsyncGenerator<IngestChunk> {
  const csv = await openCsv(await store.get(key), { file: key, encoding: 'auto', keepRaw: true });
  let chunk = emptyChunk(options.from);
  let index = 0;
  for await (const record of csv.records) {
    if (index++ < options.from) continue;
    addRow(chunk, record, csv.header, options.partitionKey);
    if (chunk.rows < options.size) continue;
    yield chunk;
    chunk = emptyChunk(chunk.from + chunk.rows);
  }
  if (chunk.rows > 0) yield chunk;
}

function emptyChunk(from: number): IngestChunk {
  return { from, rows: 0, records: [], rejections: [] };
}

function addRow(chunk: IngestChunk, record: SourceRecord<CsvRecord>, header: string[], keyColumn: string) {
  chunk.rows++;
  if (!record.ok) {
    chunk.rejections.push(record.rejection);
    return;
  }
  const row = Object.fromEntries(header.map((name, i) => [name, record.value.fields[i] ?? '']));
  const partitionKey = String(row[keyColumn] ?? '').trim();
  if (partitionKey !== '') {
    chunk.records.push({ partitionKey, data: row });
    return;
  }
  const position = record.position;
  chunk.rejections.push({
    reason: 'missing-partition-key',
    message: `${position?.kind === 'file' ? `${position.file}:${position.line}` : 'row'}: ${keyColumn} is empty`,
    ...(position ? { position } : {}),
    ...(record.value.raw === undefined ? {} : { raw: record.value.raw }),
  });
}

/**
 * Puts records on the stream in PutRecords calls of at most 500, resending the refused entries
 * (as `put_records` callers must: a 200 response can still carry `FailedRecordCount`), and yields
 * each record once the stream took it. Throws {@link IngestionStalledError} when entries are still
 * refused after `maxAttempts` calls, so the chunk is not checkpointed and a re-run sends it again.
 *
 * @example await runKinesisStream(putOnStream(chunk.records, put, { stream }), handler);
 */
export async function* putOnStream(
  records: readonly KinesisInput[],
  put: PutRecords,
  options: { stream: string; maxAttempts?: number },
): AsyncGenerator<KinesisInput> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let start = 0; start < records.length; start += 500) {
    let pending = records.slice(start, start + 500);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts) throw new IngestionStalledError(options.stream, pending.length, maxAttempts);
      const refused = new Set((await put(pending)).refused);
      yield* pending.filter((_, i) => !refused.has(i));
      pending = pending.filter((_, i) => refused.has(i));
    }
  }
}
