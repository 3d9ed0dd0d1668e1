import { BotDetectorStateError } from './errors.js';
import type { PendingJump } from './future-event-guard.js';
import type { WindowSettings } from './options.js';

/**
 * The state a {@link BotDetector} carries between invocations (e.g. a Lambda tumbling window's
 * `state`), as plain JSON: the window geometry it was taken with, the open windows by ascending start
 * with their `[key, count]` pairs in arrival order, a pending jump of event time, the highest sequence
 * number applied per shard (`checkpoints`) and the tallies. Small: closed windows are not in it.
 * A version 1 state (before checkpoints) is still restored.
 */
export interface BotDetectorState {
  version: 2;
  windowMs: number;
  slideMs: number;
  allowedLatenessMs: number;
  maxEventTime: number | null;
  watermark: number | null;
  windows: [start: number, counts: [key: string, count: number][]][];
  jump: PendingJump | null;
  checkpoints: Record<string, string>;
  tally: { counted: number; late: number; noKey: number; future: number };
}

/**
 * Validates a saved state, and its geometry against the detector's: counts taken in 10 s windows
 * mean nothing in 60 s windows.
 *
 * @example const state = checkedState(JSON.parse(text), windowSettings(options));
 */
export function checkedState(saved: unknown, settings: WindowSettings): BotDetectorState {
  const state = upgraded(saved);
  const problem = stateProblem(state);
  if (problem !== undefined) throw new BotDetectorStateError(`bot detector state is malformed: ${problem}`);
  const { windowMs, slideMs, allowedLatenessMs } = state as BotDetectorState;
  if (
    windowMs !== settings.windowMs ||
    slideMs !== settings.slideMs ||
    allowedLatenessMs !== settings.allowedLatenessMs
  ) {
    throw new BotDetectorStateError(
      `bot detector state was taken with windowMs=${windowMs} slideMs=${slideMs} allowedLatenessMs=${allowedLatenessMs}, ` +
        `this detector has ${settings.windowMs}/${settings.slideMs}/${settings.allowedLatenessMs}`,
    );
  }
  return state as BotDetectorState;
}

/** Where a stream record sits: its shard and its sequence number (decimal digits, often beyond 2^53). */
export interface StreamPoint {
  shard: string;
  sequenceNumber: string;
}

/** Whether `value` is a sequence number: decimal digits, compared as the big integer they are. */
export const isSequenceNumber = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,256}$/.test(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Why `value` is not a {@link BotDetectorState} (`"field: problem"`, the first one found), or
 * undefined when it is one.
 *
 * @example stateProblem({ ...state, windows: [[0, [['u1', -1]]]] }) // 'windows.0.1.0: must be a [key, count >= 0] pair'
 */
export function stateProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'state: must be an object';
  if (value.version !== 2) return 'version: must be 2';
  for (const name of ['windowMs', 'slideMs', 'allowedLatenessMs'])
    if (!Number.isSafeInteger(value[name])) return `${name}: must be a safe integer`;
  for (const name of ['maxEventTime', 'watermark'])
    if (value[name] !== null && !isNumber(value[name])) return `${name}: must be a number or null`;
  const { windows, tally } = value;
  if (!Array.isArray(windows)) return 'windows: must be an array';
  for (const [i, window] of windows.entries()) {
    if (!Array.isArray(window) || window.length !== 2 || !isNumber(window[0]) || !Array.isArray(window[1]))
      return `windows.${i}: must be a [start, counts] pair`;
    for (const [j, entry] of (window[1] as unknown[]).entries())
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !isCount(entry[1]))
        return `windows.${i}.1.${j}: must be a [key, count >= 0] pair`;
  }
  const { jump, checkpoints } = value;
  if (
    jump !== null &&
    !(Array.isArray(jump) && jump.length === 2 && isNumber(jump[0]) && isCount(jump[1]) && jump[1] >= 1)
  )
    return 'jump: must be null or a [time, agreeing >= 1] pair';
  if (!isRecord(checkpoints)) return 'checkpoints: must be an object';
  for (const [shard, sequenceNumber] of Object.entries(checkpoints))
    if (!isSequenceNumber(sequenceNumber))
      return `checkpoints.${shard}: must be a sequence number (decimal digits)`;
  if (!isRecord(tally)) return 'tally: must be an object';
  for (const name of ['counted', 'late', 'noKey', 'future'])
    if (!isCount(tally[name])) return `tally.${name}: must be a whole number >= 0`;
  return undefined;
}

/** A version 1 state as version 2: no pending jump, no checkpoints, no future events yet. */
function upgraded(state: unknown): unknown {
  if (!isRecord(state) || state.version !== 1) return state;
  const tally = isRecord(state.tally) ? { ...state.tally, future: 0 } : state.tally;
  return { ...state, version: 2, jump: null, checkpoints: {}, tally };
}
