import { BotDetectorStateError } from './errors.js';
import { type BotDetectorOptions, keyFunction, type WindowSettings, windowSettings } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';
import { type BotDetectorState, checkedState, isSequenceNumber, type StreamPoint } from './state.js';
import { KeyedWindowCounter, type WindowCount } from './window-counter.js';

/** What became of the events pushed so far: counted in a window, late, without a key, or `future` (see `maxFutureMs`). */
export type BotTally = BotDetectorState['tally'];

/** What became of one event (see {@link BotDetector.add}). */
export type BotEventOutcome = WindowCount | 'no-key';

/**
 * Incremental bot / DDoS detection: counts events per key in event-time windows and reports the
 * windows whose count passes the flag threshold once the watermark closes them. Push batches in
 * arrival order; the detections are the same however the events are batched, and across
 * `snapshot()` / `restore()` between invocations. For a stream delivered at least once, the state
 * also holds the highest sequence number applied per shard: skip a record when `isApplied` says so
 * and `checkpoint` it once applied, and a redelivered batch changes nothing.
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
  /** The highest sequence number applied per shard. */
  #checkpoints = new Map<string, string>();
  #noKey = 0;

  constructor(options: BotDetectorOptions = {}) {
    this.#settings = windowSettings(options);
    this.#keyOf = keyFunction(options.keyBy);
    this.#counter = new KeyedWindowCounter(this.#settings);
  }

  /** Counts the events; returns the detections of the windows they closed. */
  push(events: Iterable<BotEvent>): BotDetection[] {
    const out: BotDetection[] = [];
    for (const event of events) this.add(event, out);
    return out;
  }

  /**
   * Counts one event and says what became of it: `counted`, `late`, `no-key`, or `future-event`
   * (dated too far ahead: to be rejected with its position). Detections of closed windows go to `out`.
   *
   * @example if (detector.add(event, detections) === 'future-event') quarantine(record, detector.describeFuture(event));
   */
  add(event: BotEvent, out: BotDetection[]): BotEventOutcome {
    const key = this.#keyOf(event);
    if (key) return this.#counter.add(key, event.event_time, out);
    this.#noKey++;
    return 'no-key';
  }

  /** Why {@link add} just called `event` a `future-event`, for its rejection. */
  describeFuture(event: BotEvent): string {
    return this.#counter.describeFuture(event.event_time);
  }

  /** Whether the record at `point` was applied already (at or below its shard's checkpoint). */
  isApplied({ shard, sequenceNumber }: StreamPoint): boolean {
    const highest = this.#checkpoints.get(shard);
    // As big integers, never as JS numbers, which round past 2^53.
    return highest !== undefined && BigInt(sequenceNumber) <= BigInt(highest);
  }

  /** Records that the record at `point` was applied (counted, dropped or rejected); a lower one changes nothing. */
  checkpoint(point: StreamPoint): void {
    const { shard, sequenceNumber } = point;
    if (!isSequenceNumber(sequenceNumber))
      throw new BotDetectorStateError(
        `sequence number of shard ${shard} must be decimal digits, got "${sequenceNumber}"`,
      );
    if (!this.isApplied(point)) this.#checkpoints.set(shard, sequenceNumber);
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
    const { tally, ...counter } = this.#counter.snapshot();
    const checkpoints = Object.fromEntries(this.#checkpoints);
    return {
      version: 2,
      windowMs,
      slideMs,
      allowedLatenessMs,
      ...counter,
      checkpoints,
      tally: { ...tally, noKey: this.#noKey },
    };
  }

  /** Replaces the state with a snapshot; throws BotDetectorStateError if it does not fit. */
  restore(state: unknown): void {
    const checked = checkedState(state, this.#settings);
    this.#counter.restore(checked);
    this.#checkpoints = new Map(Object.entries(checked.checkpoints));
    this.#noKey = checked.tally.noKey;
  }
}
