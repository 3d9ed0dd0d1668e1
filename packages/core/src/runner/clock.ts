import { sleep } from '../retry/retry.js';

/** Where the runner reads the time and waits; inject {@link manualClock} to make tests instant. */
export interface RunnerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The real clock.
 *
 * @example await runSqsQueue(messages, handler, { clock: systemClock() });
 */
export function systemClock(): RunnerClock {
  return { now: () => Date.now(), sleep: (ms) => sleep(ms) };
}

/** A clock that only moves when told to; `sleep` moves it and returns at once. */
export interface ManualClock extends RunnerClock {
  advance(ms: number): void;
}

/**
 * A deterministic clock for tests: a source can `advance` it between records to simulate arrival
 * times, and the runner's waits cost no real time.
 *
 * @example
 * const clock = manualClock();
 * async function* arrivals() { yield first; clock.advance(500); yield second; }
 */
export function manualClock(startMs = 0): ManualClock {
  let time = startMs;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
    async sleep(ms) {
      time += ms;
    },
  };
}
