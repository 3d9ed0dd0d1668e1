import { type CounterKey, counterKey, keyText } from './counter-key.js';
import { FutureEventGuard } from './future-event-guard.js';
import type { WindowSettings } from './options.js';
import type { BotDetection } from './schema.js';
import type { BotDetectorState } from './state.js';
import { WindowSlots } from './window-slots.js';

interface WindowBucket {
  start: number;
  end: number;
  /** Key → slot in `counts`, in order of first arrival of the key: the emission order. */
  slots: WindowSlots;
  /** Counts by slot: one lookup per event, no allocation once a key is known. */
  counts: Uint32Array;
}

/** The JSON-serialisable state of a {@link KeyedWindowCounter}: only the open windows. */
export type WindowCounterState = Pick<BotDetectorState, 'maxEventTime' | 'watermark' | 'windows' | 'jump'> & {
  tally: { counted: number; late: number; future: number };
};

/** What became of one event: counted in a window, behind the watermark, or dated too far ahead. */
export type WindowCount = 'counted' | 'late' | 'future-event';

/**
 * Counts events per key in event-time windows (tumbling, or sliding with starts every `slideMs`,
 * aligned to the epoch) and closes a window once the watermark (newest event time − allowed
 * lateness) reaches its end. An event whose every window is already closed is late and not counted;
 * one dated too far ahead is a `future-event`, not counted and moving nothing (see {@link FutureEventGuard}).
 * Windows close in order of end, then keys in order of first arrival, so the output depends only
 * on the event sequence, never on how it was cut into batches. A closed window's keys are dropped
 * (its memory serves the next window).
 *
 * @example
 * const counter = new KeyedWindowCounter(windowSettings());
 * const out: BotDetection[] = [];
 * counter.add('520088904', 1_572_566_400_000, out); // 'counted'
 */
export class KeyedWindowCounter {
  readonly #settings: WindowSettings;
  readonly #guard: FutureEventGuard;
  #maxEventTime = Number.NEGATIVE_INFINITY;
  #watermark = Number.NEGATIVE_INFINITY;
  /** End of the oldest open window: one comparison per event decides whether anything closes. */
  #nextEnd = Number.POSITIVE_INFINITY;
  /** Open windows by ascending start; few (about (window + lateness) / slide), so scanned, not hashed. */
  #open: WindowBucket[] = [];
  /** The last closed window, reused by the next one opened: no allocation or growth per window. */
  #spare: WindowBucket | undefined;
  #counted = 0;
  #late = 0;
  #future = 0;

  constructor(settings: WindowSettings) {
    this.#settings = settings;
    this.#guard = new FutureEventGuard(settings);
  }

  /**
   * Counts one event at `time` (epoch ms) and says what became of it; detections of windows it
   * closes go to `out`. A key is held as {@link counterKey} makes it, so `'7'` and `7` are one key.
   */
  add(key: string | number, time: number, out: BotDetection[]): WindowCount {
    if (time - time !== 0) throw new RangeError(`event time of key "${key}" is not finite: ${time}`);
    if (time > this.#maxEventTime) {
      if (this.#guard.isAhead(time, this.#maxEventTime) && !this.#guard.admit(time)) {
        this.#future++;
        return 'future-event';
      }
      this.#advance(time, out);
    }
    this.#guard.settle();
    return this.#count(counterKey(key), time);
  }

  /**
   * Whether `add` would have to judge `time` as dated too far ahead (a `future-event` or the end of
   * a jump). Changes nothing, so a byte rule can hand such a line to the record rule.
   */
  isAhead(time: number): boolean {
    return time > this.#maxEventTime && this.#guard.isAhead(time, this.#maxEventTime);
  }

  /** Why `add` just called `time` a `future-event`, for the rejection. */
  describeFuture(time: number): string {
    const newest = this.#maxEventTime;
    return `event time ${iso(time)} is over ${this.#settings.maxFutureMs} ms ahead of the newest (${Number.isFinite(newest) ? iso(newest) : 'none'}) or of the clock`;
  }

  /**
   * Counts the event in each open window holding it (one when tumbling), newest first, walking the
   * open windows once alongside: linear in windowMs / slideMs, where a lookup per window was quadratic.
   */
  #count(key: CounterKey, time: number): WindowCount {
    const { windowMs, slideMs } = this.#settings;
    const open = this.#open;
    let at = open.length;
    let counted = false;
    for (let start = Math.floor(time / slideMs) * slideMs; start > time - windowMs; start -= slideMs) {
      if (start + windowMs <= this.#watermark) break; // older windows end earlier: closed too
      while (at > 0 && (open[at - 1] as WindowBucket).start > start) at--;
      let bucket = open[at - 1];
      if (bucket === undefined || bucket.start !== start) {
        bucket = this.#reused(start);
        open.splice(at++, 0, bucket);
        this.#nextEnd = (open[0] as WindowBucket).end;
      }
      increment(bucket, key, 1);
      counted = true;
    }
    if (counted) this.#counted++;
    else this.#late++;
    return counted ? 'counted' : 'late';
  }

  /** Closes every open window (end of input); later events for those windows are late. */
  flush(out: BotDetection[]): void {
    const last = this.#open.at(-1);
    if (last) this.#closeThrough(last.end, out);
    if (last && last.end > this.#watermark) this.#watermark = last.end;
  }

  get tally(): { counted: number; late: number; future: number } {
    return { counted: this.#counted, late: this.#late, future: this.#future };
  }

  /** Open windows and the (window, key) counters they hold: what memory grows with. */
  get size(): { windows: number; counters: number } {
    let counters = 0;
    for (const bucket of this.#open) counters += bucket.slots.size;
    return { windows: this.#open.length, counters };
  }

  snapshot(): WindowCounterState {
    return {
      maxEventTime: Number.isFinite(this.#maxEventTime) ? this.#maxEventTime : null,
      watermark: Number.isFinite(this.#watermark) ? this.#watermark : null,
      windows: this.#open.map((bucket) => [bucket.start, entries(bucket)]),
      jump: this.#guard.pending,
      tally: this.tally,
    };
  }

  restore(state: WindowCounterState): void {
    this.#maxEventTime = state.maxEventTime ?? Number.NEGATIVE_INFINITY;
    this.#watermark = state.watermark ?? Number.NEGATIVE_INFINITY;
    this.#open = [];
    for (const [start, counts] of [...state.windows].sort((a, b) => a[0] - b[0])) {
      if (this.#open.at(-1)?.start !== start) this.#open.push(this.#reused(start));
      const bucket = this.#open.at(-1) as WindowBucket;
      for (const [key, count] of counts) increment(bucket, counterKey(key), count);
    }
    this.#nextEnd = this.#open[0]?.end ?? Number.POSITIVE_INFINITY;
    this.#guard.pending = state.jump;
    ({ counted: this.#counted, late: this.#late, future: this.#future } = state.tally);
  }

  #advance(time: number, out: BotDetection[]): void {
    this.#maxEventTime = time;
    const watermark = time - this.#settings.allowedLatenessMs;
    if (watermark <= this.#watermark) return;
    this.#watermark = watermark;
    if (watermark >= this.#nextEnd) this.#closeThrough(watermark, out);
  }

  #reused(start: number): WindowBucket {
    const end = start + this.#settings.windowMs;
    const bucket = this.#spare;
    if (bucket === undefined) return { start, end, slots: new WindowSlots(), counts: new Uint32Array(16) };
    this.#spare = undefined;
    bucket.start = start;
    bucket.end = end;
    bucket.counts.fill(0, 0, bucket.slots.size);
    bucket.slots.clear();
    return bucket;
  }

  #closeThrough(watermark: number, out: BotDetection[]): void {
    let closed = 0;
    while (closed < this.#open.length && (this.#open[closed] as WindowBucket).end <= watermark) {
      const bucket = this.#open[closed++] as WindowBucket;
      this.#emit(bucket, out);
      this.#spare = bucket;
    }
    this.#open.splice(0, closed);
    this.#nextEnd = this.#open[0]?.end ?? Number.POSITIVE_INFINITY;
  }

  #emit(bucket: WindowBucket, out: BotDetection[]): void {
    const { flagThreshold, alertThreshold } = this.#settings;
    const { start, end, counts } = bucket;
    const keys = bucket.slots.keys;
    for (let slot = 0; slot < keys.length; slot++) {
      const count = counts[slot] as number;
      if (count <= flagThreshold) continue;
      const severity = count > alertThreshold ? 'high' : 'flag';
      out.push({
        key: keyText(keys[slot] as CounterKey),
        windowStart: start,
        windowEnd: end,
        count,
        severity,
      });
    }
  }
}

function increment(bucket: WindowBucket, key: CounterKey, by: number): void {
  const slot = bucket.slots.slotOf(key);
  if (slot === bucket.counts.length) {
    const grown = new Uint32Array(slot * 2);
    grown.set(bucket.counts);
    bucket.counts = grown;
  }
  bucket.counts[slot] = (bucket.counts[slot] as number) + by;
}

function entries(bucket: WindowBucket): [key: string, count: number][] {
  return bucket.slots.keys.map((key, slot) => [keyText(key), bucket.counts[slot] as number]);
}

const iso = (ms: number) => new Date(ms).toISOString();
