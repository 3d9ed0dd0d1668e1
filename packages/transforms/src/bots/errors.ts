/** Window or threshold options that cannot work (a zero window, a slide longer than the window…). */
export class BotDetectorOptionsError extends Error {
  override readonly name = 'BotDetectorOptionsError';
}

/** A snapshot that is malformed or was taken with another window geometry than the detector's. */
export class BotDetectorStateError extends Error {
  override readonly name = 'BotDetectorStateError';
}

/** An event time that is not a finite number reached the window counter. */
export class BotEventTimeError extends Error {
  override readonly name = 'BotEventTimeError';
}
