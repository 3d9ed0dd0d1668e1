import * as z from 'zod/mini';
import { BotDetectorStateError } from './errors.js';
import type { WindowSettings } from './options.js';
import { isSequenceNumber } from './shard-checkpoints.js';

const count = () => z.int().check(z.gte(0));

// The schema is the definition and documentation of the state; `checkedState` holds states to it with
// the hand-written `stateProblem` (held identical by a differential test in state.test.ts), so a bundle that restores
// state does not carry the zod constructors only this schema needs. The `@__PURE__` call lets a
// bundler drop the schema, arguments and all, where nothing else uses it.

/**
 * The state a {@link BotDetector} carries between invocations (e.g. a Lambda tumbling window's
 * `state`): the window geometry it was taken with, the open windows, a pending jump of event time,
 * the highest sequence number applied per shard (`checkpoints`) and the tallies. Small: closed
 * windows are not in it. A version 1 state (before checkpoints) is still restored.
 *
 * @example BotDetectorStateSchema.parse(JSON.parse(event.state.detector))
 */
export const BotDetectorStateSchema = /* @__PURE__ */ (() =>
  z.object({
    version: z.literal(2),
    windowMs: z.int(),
    slideMs: z.int(),
    allowedLatenessMs: z.int(),
    maxEventTime: z.nullable(z.number()),
    watermark: z.nullable(z.number()),
    windows: z.array(z.tuple([z.number(), z.array(z.tuple([z.string(), count()]))])),
    jump: z.nullable(z.tuple([z.number(), z.int().check(z.gte(1))])),
    checkpoints: z.record(z.string(), z.string().check(z.regex(/^\d{1,256}$/))),
    tally: z.object({ counted: count(), late: count(), noKey: count(), future: count() }),
  }))();
export type BotDetectorState = z.output<typeof BotDetectorStateSchema>;

/**
 * Validates a state against the detector's geometry: counts taken in 10 s windows mean nothing in
 * 60 s windows.
 *
 * @example const state = checkedState(JSON.parse(text), windowSettings(options));
 */
export function checkedState(saved: unknown, settings: WindowSettings): BotDetectorState {
  const state = upgraded(saved);
  const problem = stateProblem(state);
  if (problem !== undefined) throw new BotDetectorStateError(`bot detector state is malformed: ${problem}`);
  const parsed = copyState(state as BotDetectorState);
  const { windowMs, slideMs, allowedLatenessMs } = parsed;
  const same =
    windowMs === settings.windowMs &&
    slideMs === settings.slideMs &&
    allowedLatenessMs === settings.allowedLatenessMs;
  if (!same) {
    throw new BotDetectorStateError(
      `bot detector state was taken with windowMs=${windowMs} slideMs=${slideMs} allowedLatenessMs=${allowedLatenessMs}, ` +
        `this detector has ${settings.windowMs}/${settings.slideMs}/${settings.allowedLatenessMs}`,
    );
  }
  return parsed;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Why `value` is not a {@link BotDetectorState} (`"field: problem"`, the first one found), or
 * undefined when {@link BotDetectorStateSchema} accepts it: a hand-written twin of the schema.
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

/** A fresh copy with only the schema's fields, as a schema parse returns. */
function copyState(state: BotDetectorState): BotDetectorState {
  const { tally, jump } = state;
  return {
    version: state.version,
    windowMs: state.windowMs,
    slideMs: state.slideMs,
    allowedLatenessMs: state.allowedLatenessMs,
    maxEventTime: state.maxEventTime,
    watermark: state.watermark,
    windows: state.windows.map(([start, counts]) => [start, counts.map(([key, n]) => [key, n])]),
    jump: jump === null ? null : [jump[0], jump[1]],
    checkpoints: Object.fromEntries(Object.entries(state.checkpoints)),
    tally: { counted: tally.counted, late: tally.late, noKey: tally.noKey, future: tally.future },
  };
}
