import type { CsvLine, CsvLineVerdict, CsvRecord, CsvRules, CsvVerdict } from '@sluice/core/codecs';
import { BotEventBytes } from './event-bytes.js';
import { checkBotEvent } from './event-check.js';
import { type BotEventColumns, type BotEventField, botEventRow } from './event-columns.js';
import { type BotDetectorOptions, keyFunction, windowSettings } from './options.js';
import { type BotDetection, type BotEvent, describeBotEventIssues } from './schema.js';
import { KeyedWindowCounter } from './window-counter.js';

const LATE = { drop: 'late' } as const;
const NO_KEY = { drop: 'no-key' } as const;

/**
 * Bot detection as the rules of a CSV run: every record is counted in its windows (`keep`),
 * dropped `late` or `no-key`, or rejected `schema` or `future-event` (dated too far ahead, see
 * `maxFutureMs`) with the column to blame. The `record` rule
 * validates with `checkBotEvent`; the `line` rule (when events are keyed by a column) reads
 * time and key from bytes through {@link BotEventBytes} and hands anything else, and any line
 * dated ahead of the stream, to `record`.
 * Detections of the windows that close are collected in `detections`.
 *
 * @example
 * const rules = new BotCsvRules(findBotEventColumns(scan, file), { windowMs: 10_000 });
 * const report = await scan.drain(rules, { onRejected });
 * rules.finish(); // rules.detections
 */
export class BotCsvRules implements CsvRules {
  readonly detections: BotDetection[] = [];
  readonly line: ((line: CsvLine) => CsvLineVerdict) | undefined;
  readonly #columns: BotEventColumns;
  readonly #counter: KeyedWindowCounter;
  readonly #keyOf: (event: BotEvent) => string | undefined;

  constructor(columns: BotEventColumns, options: BotDetectorOptions = {}) {
    const { keyBy = 'user_id' } = options;
    this.#columns = columns;
    this.#counter = new KeyedWindowCounter(windowSettings(options));
    this.#keyOf = keyFunction(keyBy);
    if (typeof keyBy === 'function') this.line = undefined;
    else {
      const bytes = new BotEventBytes(columns, keyBy);
      this.line = (line) => (bytes.read(line) ? this.#countLine(bytes.key, bytes.time) : 'parse');
    }
  }

  record(record: CsvRecord): CsvVerdict {
    const checked = checkBotEvent(botEventRow(this.#columns, record.fields));
    if ('value' in checked) return this.#count(this.#keyOf(checked.value), checked.value.event_time);
    const field = checked.issues[0]?.path[0] as BotEventField;
    const column = this.#columns.header[this.#columns.at[field]];
    const message = describeBotEventIssues(checked.issues);
    return column === undefined ? { reject: 'schema', message } : { reject: 'schema', message, column };
  }

  /** End of input: closes every open window, adding its detections. */
  finish(): void {
    this.#counter.flush(this.detections);
  }

  /** Open windows and the (window, key) counters held: what memory grows with. */
  get stateSize(): { windows: number; counters: number } {
    return this.#counter.size;
  }

  /** The byte rule cannot reject: a line dated ahead goes to the record rule, which decides it. */
  #countLine(key: string | number, time: number): CsvLineVerdict {
    if (key === '') return NO_KEY;
    if (this.#counter.isAhead(time)) return 'parse';
    return this.#counter.add(key, time, this.detections) === 'counted' ? 'keep' : LATE;
  }

  #count(key: string | number | undefined, time: number): CsvVerdict {
    if (key === undefined || key === '') return NO_KEY;
    const counted = this.#counter.add(key, time, this.detections);
    if (counted === 'counted') return 'keep';
    if (counted === 'late') return LATE;
    const message = this.#counter.describeFuture(time);
    const column = this.#columns.header[this.#columns.at.event_time];
    return column === undefined
      ? { reject: 'future-event', message }
      : { reject: 'future-event', message, column };
  }
}
