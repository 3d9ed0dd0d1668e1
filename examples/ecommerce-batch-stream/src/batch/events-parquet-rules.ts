import type { CsvRecord, CsvRules, CsvVerdict } from '@sluice/core/codecs';
import { Channel } from '@sluice/core/pipeline';
import { type BotEvent, type BotEventColumns, botEventRow, readBotEvent } from '@sluice/transforms/bots';

/** One event as the Parquet dataset stores it: `date` names its partition folder. */
export type ParquetRow = Record<string, unknown>;

/**
 * The batch path's CSV rules: a record that is a valid event is kept and becomes a Parquet row,
 * any other is rejected `schema` (the reader adds file and line). Rows wait in `pending` until the
 * reader hands them over after its chunk, so memory holds one chunk and two batches in flight.
 *
 * @example await scan.drain(rules, { onRejected, afterChunk: () => rules.handOver() });
 */
export class EventsParquetRules implements CsvRules {
  /** The kept rows, a chunk at a time, for the dataset writer. */
  readonly batches = new Channel<ParquetRow[]>(2);
  #pending: ParquetRow[] = [];
  // Lines of rows still in memory, for the rejection of a row the Parquet writer refuses; a written row is collected with its entry.
  readonly #lines = new WeakMap<ParquetRow, number>();

  constructor(private readonly columns: BotEventColumns) {}

  record(record: CsvRecord): CsvVerdict {
    const event = readBotEvent(botEventRow(this.columns, record.fields));
    if (!event.ok) return { reject: event.rejection.reason, message: event.rejection.message };
    const row = parquetRow(event.value);
    this.#lines.set(row, record.line);
    this.#pending.push(row);
    return 'keep';
  }

  /** Hands the rows kept so far to the writer, waiting while two batches are already waiting. */
  async handOver(): Promise<void> {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    await this.batches.push(batch);
  }

  lineOf(row: ParquetRow): number | undefined {
    return this.#lines.get(row);
  }
}

function parquetRow(event: BotEvent): ParquetRow {
  const time = new Date(event.event_time);
  const { ip: _ip, ...columns } = event;
  return { ...columns, event_time: time, date: time.toISOString().slice(0, 10) };
}
