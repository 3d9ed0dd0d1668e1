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
export interface WindowSettings {
  windowMs: number;
  slideMs: number;
  allowedLatenessMs: number;
  flagThreshold: number;
  alertThreshold: number;
  maxFutureMs: number;
  jumpConfirmations: number;
  clock: () => number;
}

const DAY_MS = 86_400_000;

// The bounds of the detector's options. Each event is counted in `windowMs / slideMs` windows, and
// `(windowMs + allowedLatenessMs) / slideMs` windows can be open at once: both are capped, so time
// and memory per event stay bounded whatever the options.
const BOT_OPTION_LIMITS = {
  windowMs: { min: 1, max: DAY_MS },
  allowedLatenessMs: { min: 0, max: DAY_MS },
  threshold: { min: 0, max: 1_000_000_000 },
  maxFutureMs: { min: 1_000, max: 365 * DAY_MS },
  jumpConfirmations: { min: 1, max: 1_000 },
  windowsPerEvent: 1_000,
  openWindows: 100_000,
} as const;

/** Refuses a value that is not an integer in [min, max], naming the option and the range. */
function bounded(option: string, value: number, min: number, max: number, why?: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new BotDetectorOptionsError(option, min, max, value, why);
  return value;
}

/**
 * Fills in defaults and refuses settings that cannot work or would cost unbounded time or memory;
 * the {@link BotDetectorOptionsError} names the option and its allowed range.
 *
 * @example windowSettings({ windowMs: 60_000, slideMs: 10_000 }).allowedLatenessMs // 10000
 */
export function windowSettings(options: BotDetectorOptions = {}): WindowSettings {
  const limits = BOT_OPTION_LIMITS;
  const windowMs = bounded('windowMs', options.windowMs ?? 10_000, limits.windowMs.min, limits.windowMs.max);
  const perEvent = `windowMs / slideMs <= ${limits.windowsPerEvent}`;
  const minSlide = Math.ceil(windowMs / limits.windowsPerEvent);
  const slideMs = bounded('slideMs', options.slideMs ?? windowMs, minSlide, windowMs, perEvent);
  const open = `(windowMs + allowedLatenessMs) / slideMs <= ${limits.openWindows}`;
  const maxLateness = Math.min(limits.allowedLatenessMs.max, limits.openWindows * slideMs - windowMs);
  const allowedLatenessMs = bounded(
    'allowedLatenessMs',
    options.allowedLatenessMs ?? 10_000,
    0,
    maxLateness,
    open,
  );
  const { min, max } = limits.threshold;
  const flagThreshold = bounded('flagThreshold', options.flagThreshold ?? 5, min, max);
  const alertThreshold = bounded(
    'alertThreshold',
    options.alertThreshold ?? 10,
    flagThreshold,
    max,
    'at least flagThreshold',
  );
  const future = limits.maxFutureMs;
  const maxFutureMs = bounded('maxFutureMs', options.maxFutureMs ?? 3_600_000, future.min, future.max);
  const jumps = limits.jumpConfirmations;
  const jumpConfirmations = bounded(
    'jumpConfirmations',
    options.jumpConfirmations ?? 3,
    jumps.min,
    jumps.max,
  );
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
  if (typeof keyBy === 'function') return keyBy;
  if (keyBy === 'ip') return (event) => event.ip;
  return keyBy === 'user_session' ? (event) => event.user_session : (event) => event.user_id;
}
