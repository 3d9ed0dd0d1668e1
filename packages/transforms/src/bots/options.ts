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
}

/** Options with every default filled in and checked. */
export interface WindowSettings {
  windowMs: number;
  slideMs: number;
  allowedLatenessMs: number;
  flagThreshold: number;
  alertThreshold: number;
}

function demand(ok: boolean, message: string): void {
  if (!ok) throw new BotDetectorOptionsError(message);
}

/**
 * Fills in defaults and refuses settings that cannot work.
 *
 * @example windowSettings({ windowMs: 60_000, slideMs: 10_000 }).allowedLatenessMs // 10000
 */
export function windowSettings(options: BotDetectorOptions = {}): WindowSettings {
  const windowMs = options.windowMs ?? 10_000;
  const settings = {
    windowMs,
    slideMs: options.slideMs ?? windowMs,
    allowedLatenessMs: options.allowedLatenessMs ?? 10_000,
    flagThreshold: options.flagThreshold ?? 5,
    alertThreshold: options.alertThreshold ?? 10,
  };
  demand(
    Number.isSafeInteger(windowMs) && windowMs > 0,
    `windowMs must be a positive integer, got ${windowMs}`,
  );
  const { slideMs, allowedLatenessMs, flagThreshold, alertThreshold } = settings;
  demand(
    Number.isSafeInteger(slideMs) && slideMs > 0 && slideMs <= windowMs,
    `slideMs must be an integer in [1, windowMs=${windowMs}], got ${slideMs}`,
  );
  demand(
    Number.isSafeInteger(allowedLatenessMs) && allowedLatenessMs >= 0,
    `allowedLatenessMs must be an integer >= 0, got ${allowedLatenessMs}`,
  );
  demand(
    flagThreshold >= 0 && alertThreshold >= flagThreshold,
    'thresholds need 0 <= flagThreshold <= alertThreshold',
  );
  return settings;
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
