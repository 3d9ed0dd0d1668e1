import type { CsvLine, CsvLineVerdict, CsvRecord, CsvRules, CsvVerdict } from '@sluice/core/codecs';
import { type CsvInput, type CsvReadOptions, openCsvScan } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import type { BotRun } from './detect-bots.js';
import { BotEventBytes } from './event-bytes.js';
import { checkBotEvent } from './event-check.js';
import {
  type BotEventColumns,
  type BotEventField,
  botEventRow,
  findBotEventColumns,
} from './event-columns.js';
import { type BotDetectorOptions, keyFunction, windowSettings } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';
import { KeyedWindowCounter } from './window-counter.js';

/** Rejections `detectBotsFromCsv` keeps when no `onRejected` is given (the report counts them all). */
export const REJECTION_SAMPLE = 100;

export interface DetectBotsFromCsvOptions
  extends BotDetectorOptions,
    Pick<CsvReadOptions, 'file' | 'delimiter' | 'encoding' | 'maxRecordBytes' | 'now'> {
  /**
   * Receives every rejection as it is found (reader and schema rejections, with file and line).
   * Without it, `rejections` holds only the first {@link REJECTION_SAMPLE}: pass it whenever the
   * input may hold many bad rows and every one must reach a quarantine.
   */
  onRejected?: (rejection: Rejection) => void;
  /** Called after each input chunk with the detector's open state (for progress or memory checks). */
  onChunk?: (state: { windows: number; counters: number }) => void;
}

/**
 * Bot detection over a CSV file of events, streamed through core's CSV reader. Columns are found
 * by normalised name; each record is counted (`kept`), dropped `late`, `no-key` or `blank-line`, or
 * rejected (`schema`, `future-event`, or what the reader cannot read: `ragged-row`,
 * `unterminated-quote`, …). Plain lines are decided from their bytes and anything else by
 * `checkBotEvent`, with identical outcomes, so the detections are those of `detectBots` over the
 * same rows. The report is the reader's: it also counts physical `lines`. Memory holds the open
 * windows and one input chunk.
 *
 * @example
 * const run = await detectBotsFromCsv(createReadStream('events.csv', { highWaterMark: 1 << 20 }), {
 *   file: 'events.csv',
 *   keyBy: 'user_id',
 *   onRejected: (rejection) => quarantine.write(rejection),
 * });
 * run.report; // { read: 5000000, kept: 4999817, dropped: { late: 183 }, rejected: {}, lines: 5000001, ... }
 */
export async function detectBotsFromCsv(
  input: CsvInput,
  options: DetectBotsFromCsvOptions = {},
): Promise<BotRun> {
  const { onRejected, onChunk, file = 'input.csv', delimiter, encoding, maxRecordBytes, now } = options;
  const scan = await openCsvScan(input, { file, delimiter, encoding, maxRecordBytes, now });
  const columns = await scan.closedOnError(() => findBotEventColumns(scan, file, options.keyBy));
  const rules = new BotCsvRules(columns, options);
  const rejections: Rejection[] = [];
  const sample = (rejection: Rejection) =>
    void (rejections.length < REJECTION_SAMPLE && rejections.push(rejection));
  scan.start(rules, { onRejected: onRejected ?? sample });
  try {
    while (await scan.step()) onChunk?.(rules.counter.size);
  } finally {
    await scan.close();
  }
  rules.counter.flush(rules.detections);
  return { detections: rules.detections, rejections, report: scan.report() };
}

const LATE = { drop: 'late' } as const;
const NO_KEY = { drop: 'no-key' } as const;

/**
 * Bot detection as the rules of a CSV run; detections of the windows that close go to `detections`.
 * The `record` rule validates with `checkBotEvent`; the `line` rule (events keyed by a column) reads
 * time and key through {@link BotEventBytes} and hands anything else, and any line dated ahead of
 * the stream, to `record`: the byte rule never rejects.
 */
export class BotCsvRules implements CsvRules {
  readonly detections: BotDetection[] = [];
  readonly counter: KeyedWindowCounter;
  readonly line: ((line: CsvLine) => CsvLineVerdict) | undefined;
  readonly #columns: BotEventColumns;
  readonly #keyOf: (event: BotEvent) => string | undefined;

  constructor(columns: BotEventColumns, options: BotDetectorOptions = {}) {
    const { keyBy = 'user_id' } = options;
    this.#columns = columns;
    this.counter = new KeyedWindowCounter(windowSettings(options));
    this.#keyOf = keyFunction(keyBy);
    const bytes = typeof keyBy === 'function' ? undefined : new BotEventBytes(columns, keyBy);
    this.line = bytes && ((line) => (bytes.read(line) ? this.#countLine(bytes.key, bytes.time) : 'parse'));
  }

  record(record: CsvRecord): CsvVerdict {
    const checked = checkBotEvent(botEventRow(this.#columns, record.fields));
    if (!('value' in checked))
      return this.#reject('schema', describeIssues(checked.issues), checked.issues[0]?.path[0]);
    const key = this.#keyOf(checked.value);
    const time = checked.value.event_time;
    if (key === undefined || key === '') return NO_KEY;
    const counted = this.counter.add(key, time, this.detections);
    if (counted === 'future-event')
      return this.#reject(counted, this.counter.describeFuture(time), 'event_time');
    return counted === 'counted' ? 'keep' : LATE;
  }

  #countLine(key: string | number, time: number): CsvLineVerdict {
    if (key === '') return NO_KEY;
    if (this.counter.isAhead(time)) return 'parse';
    return this.counter.add(key, time, this.detections) === 'counted' ? 'keep' : LATE;
  }

  /** A rejection naming the file's column of `field`, when it has one. */
  #reject(reason: string, message: string, field: string | undefined): CsvVerdict {
    const column = this.#columns.header[this.#columns.at[field as BotEventField]];
    return column === undefined ? { reject: reason, message } : { reject: reason, message, column };
  }
}
