import * as z from 'zod/mini';
import { BotDetectorStateError } from './errors.js';
import type { WindowSettings } from './options.js';

const count = () => z.int().check(z.gte(0));

/**
 * The state a {@link BotDetector} carries between invocations (e.g. a Lambda tumbling window's
 * `state`): the window geometry it was taken with, the open windows and the tallies. Small: closed
 * windows are not in it.
 *
 * @example BotDetectorStateSchema.parse(JSON.parse(event.state.detector))
 */
export const BotDetectorStateSchema = z.object({
  version: z.literal(1),
  windowMs: z.int(),
  slideMs: z.int(),
  allowedLatenessMs: z.int(),
  maxEventTime: z.nullable(z.number()),
  watermark: z.nullable(z.number()),
  windows: z.array(z.tuple([z.number(), z.array(z.tuple([z.string(), count()]))])),
  tally: z.object({ counted: count(), late: count(), noKey: count() }),
});
export type BotDetectorState = z.output<typeof BotDetectorStateSchema>;

/**
 * Validates a state against the detector's geometry: counts taken in 10 s windows mean nothing in
 * 60 s windows.
 *
 * @example const state = checkedState(JSON.parse(text), windowSettings(options));
 */
export function checkedState(state: unknown, settings: WindowSettings): BotDetectorState {
  const parsed = BotDetectorStateSchema.safeParse(state);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'state'}: ${i.message}`).join('; ');
    throw new BotDetectorStateError(`bot detector state is malformed: ${detail}`);
  }
  const { windowMs, slideMs, allowedLatenessMs } = parsed.data;
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
  return parsed.data;
}
