/**
 * A detector option outside its allowed range (a zero window, a slide longer than the window, more
 * than 1,000 windows per event…). Names the option and the range, so a CLI or a config loader can
 * point at its own flag or variable.
 *
 * @example new BotDetector({ windowMs: 60_000, slideMs: 1 }) // throws: slideMs must be an integer in [60, 60000] (…), got 1
 */
export class BotDetectorOptionsError extends Error {
  override readonly name = 'BotDetectorOptionsError';
  constructor(
    /** The option, as `BotDetectorOptions` names it (`slideMs`). */
    readonly option: string,
    /** The allowed range, inclusive. */
    readonly min: number,
    readonly max: number,
    readonly value: unknown,
    /** Why the range is what it is, when it depends on other options. */
    readonly why?: string,
  ) {
    super(`${option} must be an integer in [${min}, ${max}]${why ? ` (${why})` : ''}, got ${String(value)}`);
  }
}

/**
 * A snapshot that is malformed or was taken with another window geometry than the detector's, or a
 * stream position to checkpoint whose sequence number is not decimal digits.
 *
 * @example new BotDetector({ windowMs: 60_000 }).restore(tenSecondState) // throws BotDetectorStateError
 */
export class BotDetectorStateError extends Error {
  override readonly name = 'BotDetectorStateError';
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
