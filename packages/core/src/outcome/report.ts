/**
 * The account of one run. `read = kept + Σdropped + Σrejected` holds by construction: a report is
 * only ever produced by {@link RunTally.report}, which derives `read` from the three outcomes.
 */
export interface RunReport {
  read: number;
  kept: number;
  dropped: Record<string, number>;
  rejected: Record<string, number>;
  /** Physical lines read, header included (CSV runs): every one lies in the header or one record. */
  lines?: number;
  startedAt: string;
  durationMs: number;
}

/**
 * Counts outcomes while a run is in progress.
 *
 * @example
 * const tally = new RunTally();
 * tally.keep(); tally.drop('stale'); tally.reject('invalid-date');
 * tally.report(); // { read: 3, kept: 1, dropped: { stale: 1 }, rejected: { 'invalid-date': 1 }, ... }
 */
export class RunTally {
  #kept = 0;
  readonly #dropped = new Map<string, number>();
  readonly #rejected = new Map<string, number>();
  readonly #startedAt: Date;
  readonly #now: () => number;
  readonly #start: number;
  #lines: number | undefined;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#start = this.#now();
    this.#startedAt = new Date(this.#start);
  }

  keep(count = 1): void {
    this.#kept += count;
  }

  drop(reason: string, count = 1): void {
    this.#dropped.set(reason, (this.#dropped.get(reason) ?? 0) + count);
  }

  reject(reason: string, count = 1): void {
    this.#rejected.set(reason, (this.#rejected.get(reason) ?? 0) + count);
  }

  /** Records how many physical lines the run read (CSV runs). */
  countLines(lines: number): void {
    this.#lines = lines;
  }

  /** Adds another run's counts to this one (e.g. the report of a sub-batch). */
  absorb(report: RunReport): void {
    this.keep(report.kept);
    for (const [reason, n] of Object.entries(report.dropped)) this.drop(reason, n);
    for (const [reason, n] of Object.entries(report.rejected)) this.reject(reason, n);
  }

  report(): RunReport {
    const dropped = Object.fromEntries(this.#dropped);
    const rejected = Object.fromEntries(this.#rejected);
    return {
      read: this.#kept + sum(dropped) + sum(rejected),
      kept: this.#kept,
      dropped,
      rejected,
      ...(this.#lines === undefined ? {} : { lines: this.#lines }),
      startedAt: this.#startedAt.toISOString(),
      durationMs: this.#now() - this.#start,
    };
  }
}

/** Sum of a reason → count map. */
export function sum(counts: Record<string, number>): number {
  let total = 0;
  for (const n of Object.values(counts)) total += n;
  return total;
}

/** True when the report's accounting balances; useful in tests of custom runners. */
export function isBalanced(report: RunReport): boolean {
  return report.read === report.kept + sum(report.dropped) + sum(report.rejected);
}
