import type { WindowSettings } from './options.js';

/** A run of far-ahead events waiting for agreement: the first one's time and how many agreed so far. */
export type PendingJump = readonly [firstTime: number, agreeing: number];

/**
 * Keeps one event dated far ahead (a clock set to 2099) from moving the watermark, which would make
 * every later event late. An event is ahead when it lies more than `maxFutureMs` past the newest
 * accepted event time, or past the wall clock by as much. An ahead event is a `future-event` unless
 * it completes a run of `jumpConfirmations` consecutive ahead events within `maxFutureMs` of the
 * run's first: that is data resuming after an outage, and the watermark follows. Beyond the clock no
 * run helps. Any event that is not ahead ends a run.
 *
 * @example
 * if (guard.isAhead(time, newest) && !guard.admit(time)) return 'future-event';
 */
export class FutureEventGuard {
  readonly #maxFutureMs: number;
  readonly #confirmations: number;
  readonly #clock: () => number;
  /** `clock() + maxFutureMs` when last read: the clock is read again only when an event passes it. */
  #ceiling = Number.NEGATIVE_INFINITY;
  /** Replaced, never changed in place, so snapshots can share it. */
  pending: PendingJump | null = null;

  constructor(settings: Pick<WindowSettings, 'maxFutureMs' | 'jumpConfirmations' | 'clock'>) {
    this.#maxFutureMs = settings.maxFutureMs;
    this.#confirmations = settings.jumpConfirmations;
    this.#clock = settings.clock;
  }

  /** Whether `time` is too far ahead of `newest` (the newest accepted time; -Infinity for none) or of the clock. */
  isAhead(time: number, newest: number): boolean {
    if (time - newest > this.#maxFutureMs && newest !== Number.NEGATIVE_INFINITY) return true;
    return this.#pastClock(time);
  }

  /** Decides an ahead event: true when it completes a jump (the watermark may follow), else it is a `future-event`. */
  admit(time: number): boolean {
    if (this.#pastClock(time)) return false;
    const pending = this.pending;
    const agreeing = pending !== null && Math.abs(time - pending[0]) <= this.#maxFutureMs;
    const run: PendingJump = agreeing ? [pending[0], pending[1] + 1] : [time, 1];
    this.pending = run[1] < this.#confirmations ? run : null;
    return this.pending === null;
  }

  /** An event that is not ahead ends any run of ahead ones. */
  settle(): void {
    this.pending = null;
  }

  #pastClock(time: number): boolean {
    if (time <= this.#ceiling) return false;
    this.#ceiling = this.#clock() + this.#maxFutureMs;
    return time > this.#ceiling;
  }
}
