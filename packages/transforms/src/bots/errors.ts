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

/**
 * A CSV file of events lacks a column bot detection needs (one the event schema requires, or the
 * `keyBy` column). Header names match by normalised name (case, spaces, `_` and `-` ignored).
 *
 * @example await detectBotsFromCsv(stream, { file: 'events.csv' }) // throws BotEventColumnError naming events.csv and price
 */
export class BotEventColumnError extends Error {
  override readonly name = 'BotEventColumnError';
  constructor(
    readonly file: string,
    readonly column: string,
    why: string,
  ) {
    super(`${file} has no "${column}" column (${why}); add it or rename the column that holds it`);
  }
}
