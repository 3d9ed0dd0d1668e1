import { CsvHeaderError, type CsvScan, encodeJsonLines, openCsvScan } from '@sluice/core/codecs';
import { type Rejection, type RunReport, RunTally } from '@sluice/core/outcome';
import { type ObjectStore, QuarantineFile } from '@sluice/core/storage';
import { writeDataset } from '@sluice/sinks/dataset';
import type { ParquetSchema } from '@sluice/sinks/parquet';
import { BotEventColumnError, type BotEventColumns, findBotEventColumns } from '@sluice/transforms/bots';
import { type EventsOutputKeys, eventsOutputKeys, KEYS } from '../layout.js';
import { EventsParquetRules, type ParquetRow } from './events-parquet-rules.js';

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

/** What {@link writeEventsDataset} did; also written as JSON to `reports/batch/<source>.json`. */
export interface EventsDatasetResult {
  source: string;
  keys: EventsOutputKeys;
  /** kept = rows in Parquet files; rejected by reason (unreadable line, schema, partition value); `lines` counted. */
  report: RunReport;
  /** This object's Parquet files, `events/date=…/part-<source>-<n>.parquet`. */
  files: string[];
  /** Entries written to `keys.quarantine`. */
  quarantined: number;
  /** Set when the object cannot be read as events at all (no header, a required column missing, two columns of one name). */
  refused?: Rejection;
}

/**
 * The batch path's first step (the Glue job of the seed) for one raw object: reads the events CSV
 * once, writes the valid rows as Parquet partitioned by event date, streams each rejection with its
 * file and line to `quarantine/batch/<source>.jsonl` as it happens, and the account to
 * `reports/batch/<source>.json`. Every output is named after the raw key and replaces only that
 * object's earlier output (mode `overwrite_batch`), so monthly files accumulate and a rerun of one
 * file rewrites the same bytes. A file that is not an events CSV is refused whole (`refused`, one
 * quarantine entry at line 0) and its earlier rows are removed: the lake mirrors the raw object.
 *
 * @example const { report, files } = await writeEventsDataset(new LocalObjectStore('out/ecommerce-events'), 'raw/2019-Oct.csv');
 */
export async function writeEventsDataset(
  store: ObjectStore,
  rawKey: string = KEYS.rawEvents,
): Promise<EventsDatasetResult> {
  const keys = eventsOutputKeys(rawKey);
  const opened = await openEvents(store, rawKey);
  const written =
    'refused' in opened
      ? await refuse(store, rawKey, keys, opened.refused)
      : await convert(store, rawKey, keys, opened);
  const result: EventsDatasetResult = { source: rawKey, keys, ...written };
  await store.put(keys.report, `${JSON.stringify(result, null, 2)}\n`, { contentType: 'application/json' });
  return result;
}

type OpenEvents = { scan: CsvScan; columns: BotEventColumns };
type Opened = OpenEvents | { refused: Rejection };

/** Opens the CSV up to its header; a file no retry can make readable is refused, never thrown. */
async function openEvents(store: ObjectStore, rawKey: string): Promise<Opened> {
  const scan = await openCsvScan(await store.get(rawKey), { file: rawKey });
  try {
    return { scan, columns: findBotEventColumns(scan, rawKey) };
  } catch (error) {
    await scan.close(); // nothing more is read
    if (!(error instanceof BotEventColumnError || error instanceof CsvHeaderError)) throw error;
    const position = { kind: 'file' as const, file: rawKey, line: 0 };
    return { refused: { reason: 'unreadable-object', message: error.message, position } };
  }
}

/** One scan feeding two writers (Parquet, quarantine) through bounded hand-overs after each chunk. */
async function convert(
  store: ObjectStore,
  rawKey: string,
  keys: EventsOutputKeys,
  { scan, columns }: OpenEvents,
) {
  const rules = new EventsParquetRules(columns);
  const quarantine = new QuarantineFile(store, keys.quarantine);
  const dataset = writeParquet(store, rawKey, keys.source, rules.batches, (index) => rules.lineOf(index));
  const fail = (error: unknown): never => {
    rules.batches.fail(error);
    quarantine.fail(error);
    throw error;
  };
  const handOver = async () => {
    await rules.handOver();
    await quarantine.handOver();
  };
  const reading = (async () => {
    await scan.drain(rules, { onRejected: (rejection) => quarantine.add(rejection), afterChunk: handOver });
    await handOver();
    rules.batches.close();
  })().catch(fail);
  const [, written] = await Promise.all([reading, dataset.catch(fail)]);
  const quarantined = await quarantine.finish(written.rejected);
  const files = written.files.map((file) => file.key);
  return { report: settled(scan.report(), written.rejected), files, quarantined };
}

/** The object is not an events CSV: its quarantine holds why, and its earlier rows are gone. */
async function refuse(store: ObjectStore, rawKey: string, keys: EventsOutputKeys, rejection: Rejection) {
  await writeParquet(store, rawKey, keys.source, [], () => undefined);
  await store.put(keys.quarantine, encodeJsonLines([rejection]), { contentType: 'application/x-ndjson' });
  const tally = new RunTally();
  tally.reject(rejection.reason);
  return { report: tally.report(), files: [], quarantined: 1, refused: rejection };
}

function writeParquet(
  store: ObjectStore,
  rawKey: string,
  source: string,
  batches: AsyncIterable<ParquetRow[]> | ParquetRow[][],
  lineOf: (index: number) => number | undefined,
) {
  return writeDataset({
    store,
    prefix: KEYS.eventsDataset,
    format: 'parquet',
    parquet: { schema: EVENTS_PARQUET },
    partitionBy: ['date'],
    mode: 'overwrite_batch',
    batchId: source,
    records: flatten(batches),
    position: (_row, index) => {
      const line = lineOf(index);
      return line === undefined ? undefined : { kind: 'file', file: rawKey, line };
    },
  });
}

async function* flatten<T>(batches: AsyncIterable<T[]> | Iterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** The reader's report with rows the Parquet writer refused moved from kept to rejected. */
function settled(report: RunReport, refused: readonly Rejection[]): RunReport {
  const tally = new RunTally();
  tally.absorb({ ...report, kept: report.kept - refused.length });
  for (const rejection of refused) tally.reject(rejection.reason);
  if (report.lines !== undefined) tally.countLines(report.lines);
  return { ...tally.report(), startedAt: report.startedAt, durationMs: report.durationMs };
}
