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
  readonly #lines = new KeptLines();

  constructor(private readonly columns: BotEventColumns) {}

  record(record: CsvRecord): CsvVerdict {
    const event = readBotEvent(botEventRow(this.columns, record.fields));
    if (!event.ok) return { reject: event.rejection.reason, message: event.rejection.message };
    this.#lines.keep(record.line);
    this.#pending.push(parquetRow(event.value));
    return 'keep';
  }

  /** Hands the rows kept so far to the writer, waiting while two batches are already waiting. */
  async handOver(): Promise<void> {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    await this.batches.push(batch);
  }

  /** The line of the `index`-th kept row (its place in the dataset writer's records). */
  lineOf(index: number): number | undefined {
    return this.#lines.lineOf(index);
  }
}

/**
 * The line of each kept row, for the rejection of a row the Parquet writer refuses. Kept rows are
 * mostly consecutive lines, so only where the step changes (after a rejected row, a quoted line
 * break) is an offset stored: memory grows with those, not with the rows.
 */
class KeptLines {
  readonly #from: number[] = [];
  readonly #offset: number[] = [];
  #kept = 0;

  keep(line: number): void {
    const offset = line - this.#kept;
    if (this.#offset.at(-1) !== offset) {
      this.#from.push(this.#kept);
      this.#offset.push(offset);
    }
    this.#kept++;
  }

  lineOf(index: number): number | undefined {
    if (!(index >= 0 && index < this.#kept)) return undefined;
    let low = 0;
    let high = this.#from.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#from[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return index + (this.#offset[low] as number);
  }
}

const DAY_MS = 86_400_000;
let lastDay = Number.NaN;
let lastDate = '';

/** The event as its Parquet row: `event_time` stays epoch ms; `date` (the partition) is its UTC day. */
function parquetRow(event: BotEvent): ParquetRow {
  return {
    event_time: event.event_time,
    event_type: event.event_type,
    product_id: event.product_id,
    category_id: event.category_id,
    category_code: event.category_code,
    brand: event.brand,
    price: event.price,
    user_id: event.user_id,
    user_session: event.user_session,
    date: dateOf(event.event_time),
  };
}

// Events come in time order, so the last day's text is nearly always the one asked for.
function dateOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDay = day;
    lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return lastDate;
}
