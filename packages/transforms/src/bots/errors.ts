/**
 * Window or threshold options that cannot work (a zero window, a slide longer than the window…).
 *
 * @example new BotDetector({ windowMs: 0 }) // throws BotDetectorOptionsError
 */
export class BotDetectorOptionsError extends Error {
  override readonly name = 'BotDetectorOptionsError';
}

/**
 * A snapshot that is malformed or was taken with another window geometry than the detector's.
 *
 * @example new BotDetector({ windowMs: 60_000 }).restore(tenSecondState) // throws BotDetectorStateError
 */
export class BotDetectorStateError extends Error {
  override readonly name = 'BotDetectorStateError';
}

/**
 * An event time that is not a finite number reached the window counter.
 *
 * @example counter.add('u1', Number.NaN, out) // throws BotEventTimeError
 */
export class BotEventTimeError extends Error {
  override readonly name = 'BotEventTimeError';
}
