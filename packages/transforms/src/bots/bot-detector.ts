import { type BotDetectorOptions, keyFunction, type WindowSettings, windowSettings } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';
import { type BotDetectorState, checkedState } from './state.js';
import { KeyedWindowCounter } from './window-counter.js';

/** What became of the events pushed so far: counted in a window, late, or without a key. */
export interface BotTally {
  counted: number;
  late: number;
  noKey: number;
}

/**
 * Incremental bot / DDoS detection: counts events per key in event-time windows and reports the
 * windows whose count passes the flag threshold once the watermark closes them. Push batches in
 * arrival order; the detections are the same however the events are batched, and across
 * `snapshot()` / `restore()` between invocations.
 *
 * @example
 * const detector = new BotDetector({ keyBy: 'user_id', windowMs: 10_000 });
 * if (event.state?.detector) detector.restore(event.state.detector);
 * const detections = detector.push(events);
 * return { state: { detector: detector.snapshot() } };
 */
export class BotDetector {
  readonly #settings: WindowSettings;
  readonly #keyOf: (event: BotEvent) => string | undefined;
  readonly #counter: KeyedWindowCounter;
  #noKey = 0;

  constructor(options: BotDetectorOptions = {}) {
    this.#settings = windowSettings(options);
    this.#keyOf = keyFunction(options.keyBy);
    this.#counter = new KeyedWindowCounter(this.#settings);
  }

  /** Counts the events; returns the detections of the windows they closed. */
  push(events: Iterable<BotEvent>): BotDetection[] {
    const out: BotDetection[] = [];
    for (const event of events) {
      const key = this.#keyOf(event);
      if (key) this.#counter.add(key, event.event_time, out);
      else this.#noKey++;
    }
    return out;
  }

  /** End of input: closes every open window and returns its detections. */
  flush(): BotDetection[] {
    const out: BotDetection[] = [];
    this.#counter.flush(out);
    return out;
  }

  tally(): BotTally {
    return { ...this.#counter.tally, noKey: this.#noKey };
  }

  /** Open windows and the (window, key) counters held; stays small as windows close. */
  get stateSize(): { windows: number; counters: number } {
    return this.#counter.size;
  }

  /** The detector's state as plain JSON (open windows only). */
  snapshot(): BotDetectorState {
    const { windowMs, slideMs, allowedLatenessMs } = this.#settings;
    const { counted, late, ...counter } = this.#counter.snapshot();
    return {
      version: 1,
      windowMs,
      slideMs,
      allowedLatenessMs,
      ...counter,
      tally: { counted, late, noKey: this.#noKey },
    };
  }

  /** Replaces the state with a snapshot; throws BotDetectorStateError if it does not fit. */
  restore(state: unknown): void {
    const { maxEventTime, watermark, windows, tally } = checkedState(state, this.#settings);
    this.#counter.restore({ maxEventTime, watermark, windows, counted: tally.counted, late: tally.late });
    this.#noKey = tally.noKey;
  }
}
