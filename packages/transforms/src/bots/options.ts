import { BotDetectorOptionsError } from './errors.js';
import type { BotEvent } from './schema.js';

/** How events are grouped: a field of the event or a function (undefined or '' = no key). */
export type BotKey = 'user_id' | 'user_session' | 'ip' | ((event: BotEvent) => string | undefined);

/** Window geometry, lateness and thresholds of the bot detector. */
export interface BotDetectorOptions {
  /** Default `user_id`. */
  keyBy?: BotKey;
  /** Window length. Default 10 000 (10 s). */
  windowMs?: number;
  /** Distance between window starts; equal to `windowMs` (tumbling) by default. */
  slideMs?: number;
  /** How far behind the newest event time the watermark trails. Default 10 000. */
  allowedLatenessMs?: number;
  /** A window is reported when its count is greater than this. Default 5. */
  flagThreshold?: number;
  /** A reported window is `high` when its count is greater than this. Default 10. */
  alertThreshold?: number;
  /**
   * How far an event may lie ahead of the newest event time accepted so far (the watermark plus
   * `allowedLatenessMs`). One further ahead is rejected as `future-event` and moves nothing, unless
   * it is the `jumpConfirmations`-th of a run of such events (see there). Default 3 600 000 (1 h).
   */
  maxFutureMs?: number;
  /**
   * How many consecutive far-ahead events, each within `maxFutureMs` of the first of the run,
   * make a genuine jump (data resuming after an outage): the last of them moves the watermark and
   * is counted, as is every event after it; the ones before it stay rejected. 1 accepts any jump
   * (the clock bound still holds). Default 3.
   */
  jumpConfirmations?: number;
  /**
   * The wall clock, epoch ms. No event later than `clock() + maxFutureMs` is accepted however many
   * agree: it bounds the first event of a stream too, which has no newer event to be judged by.
   * Read only when an event passes the last bound read. Default `Date.now`.
   */
  clock?: () => number;
}

/** Options with every default filled in and checked. */
export type WindowSettings = Required<Omit<BotDetectorOptions, 'keyBy'>>;

const DAY_MS = 86_400_000;
// Each event is counted in `windowMs / slideMs` windows, and `(windowMs + allowedLatenessMs) / slideMs`
// windows can be open at once: both are capped, so time and memory per event stay bounded whatever
// the options.
const WINDOWS_PER_EVENT = 1_000;
const OPEN_WINDOWS = 100_000;
const MAX_THRESHOLD = 1_000_000_000;

type BoundedOption = Exclude<keyof BotDetectorOptions, 'keyBy' | 'clock'>;

/**
 * Fills in defaults and refuses settings that cannot work or would cost unbounded time or memory;
 * the {@link BotDetectorOptionsError} names the option and its allowed range.
 *
 * @example windowSettings({ windowMs: 60_000, slideMs: 10_000 }).allowedLatenessMs // 10000
 */
export function windowSettings(options: BotDetectorOptions = {}): WindowSettings {
  // An option or its default, refused unless an integer in [min, max]; `why` explains a derived range.
  const read = (option: BoundedOption, fallback: number, min: number, max: number, why?: string) => {
    const value = options[option] ?? fallback;
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new BotDetectorOptionsError(option, min, max, value, why);
    return value;
  };
  const windowMs = read('windowMs', 10_000, 1, DAY_MS);
  const perEvent = `windowMs / slideMs <= ${WINDOWS_PER_EVENT}`;
  const slideMs = read('slideMs', windowMs, Math.ceil(windowMs / WINDOWS_PER_EVENT), windowMs, perEvent);
  const open = `(windowMs + allowedLatenessMs) / slideMs <= ${OPEN_WINDOWS}`;
  const maxLateness = Math.min(DAY_MS, OPEN_WINDOWS * slideMs - windowMs);
  const allowedLatenessMs = read('allowedLatenessMs', 10_000, 0, maxLateness, open);
  const flagThreshold = read('flagThreshold', 5, 0, MAX_THRESHOLD);
  const alertThreshold = read('alertThreshold', 10, flagThreshold, MAX_THRESHOLD, 'at least flagThreshold');
  const maxFutureMs = read('maxFutureMs', 3_600_000, 1_000, 365 * DAY_MS);
  const jumpConfirmations = read('jumpConfirmations', 3, 1, 1_000);
  const clock = options.clock ?? Date.now;
  return {
    windowMs,
    slideMs,
    allowedLatenessMs,
    flagThreshold,
    alertThreshold,
    maxFutureMs,
    jumpConfirmations,
    clock,
  };
}

/**
 * The key function of a {@link BotKey}.
 *
 * @example keyFunction('user_session')(event) // event.user_session
 */
export function keyFunction(keyBy: BotKey = 'user_id'): (event: BotEvent) => string | undefined {
  return typeof keyBy === 'function' ? keyBy : (event) => event[keyBy];
}
