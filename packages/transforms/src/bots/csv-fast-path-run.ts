import type { CsvRecord } from '@sluice/core/codecs';
import { type Rejection, RunTally, type SourceRecord } from '@sluice/core/outcome';
import type { BotRun } from './detect-bots.js';
import { readBotEvent } from './detect-bots.js';
import { type BotDetectorOptions, keyFunction, windowSettings } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';
import { KeyedWindowCounter } from './window-counter.js';

/** What a run over a CSV file needs besides the detector options. */
export interface CsvRunSettings {
  file: string;
  header: readonly string[];
  now?: () => number;
  onRejected?: (rejection: Rejection) => void;
}

/**
 * The detector side of a run over a CSV file, fed in file order from two sides: events the byte scan
 * decided (`count`) and records of the general reader (`read`), which get `readBotEvent` and the key
 * function exactly as `detectBots` and `BotDetector` apply them.
 */
export class BotCsvRun {
  readonly #counter: KeyedWindowCounter;
  readonly #keyOf: (event: BotEvent) => string | undefined;
  readonly #settings: CsvRunSettings;
  readonly #tally: RunTally;
  readonly #detections: BotDetection[] = [];
  readonly #rejections: Rejection[] = [];
  #noKey = 0;

  constructor(options: BotDetectorOptions, settings: CsvRunSettings) {
    this.#counter = new KeyedWindowCounter(windowSettings(options));
    this.#keyOf = keyFunction(options.keyBy);
    this.#settings = settings;
    this.#tally = new RunTally(settings.now ? { now: settings.now } : {});
  }

  /** An event read from bytes (a numeric key as a number, see `counterKey`); undefined or '' = no key. */
  count(key: string | number | undefined, time: number): void {
    if (key === undefined || key === '') this.#noKey++;
    else this.#counter.add(key, time, this.#detections);
  }

  /** A record of the general CSV reader: a reader rejection, a schema rejection or an event. */
  read(record: SourceRecord<CsvRecord>): void {
    if (!record.ok) {
      this.#reject(record.rejection);
      return;
    }
    const { header, file } = this.#settings;
    const { fields, line } = record.value;
    const row = Object.fromEntries(header.map((name, i) => [name, fields[i]]));
    const event = readBotEvent(row, { kind: 'file', file, line });
    if (event.ok) this.count(this.#keyOf(event.value), event.value.event_time);
    else this.#reject(event.rejection);
  }

  /** Open windows and the (window, key) counters held. */
  get stateSize(): { windows: number; counters: number } {
    return this.#counter.size;
  }

  /** End of input: closes every window and settles the report as `detectBots` does. */
  finish(): BotRun {
    this.#counter.flush(this.#detections);
    const { counted, late } = this.#counter.tally;
    this.#tally.keep(counted);
    if (late) this.#tally.drop('late', late);
    if (this.#noKey) this.#tally.drop('no-key', this.#noKey);
    return { detections: this.#detections, rejections: this.#rejections, report: this.#tally.report() };
  }

  #reject(rejection: Rejection): void {
    this.#tally.reject(rejection.reason);
    if (this.#settings.onRejected) this.#settings.onRejected(rejection);
    else this.#rejections.push(rejection);
  }
}
